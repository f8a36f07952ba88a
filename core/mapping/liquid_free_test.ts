// The liquid-free engine must not reach liquidjs, so browser bundles can leave it out.
import assert from "node:assert/strict";

Deno.test("compile_mapping_with.ts and the standard directives do not import liquidjs", async (t) => {
  for (const file of ["compile_mapping_with.ts", "directives/standard.ts"]) {
    await t.step(file, async () => {
      const entry = decodeURIComponent(
        new URL(`./${file}`, import.meta.url).pathname,
      );
      const output = await new Deno.Command(Deno.execPath(), {
        args: ["info", "--json", entry],
        stdout: "piped",
      }).output();
      assert.equal(output.code, 0);
      const info = JSON.parse(new TextDecoder().decode(output.stdout)) as {
        modules: Array<{ specifier: string }>;
      };
      const specifiers = info.modules.map((module) => module.specifier);
      assert.ok(specifiers.some((specifier) => specifier.endsWith(`/${file}`)));
      assert.deepStrictEqual(
        specifiers.filter((specifier) =>
          /liquidjs|_liquid_engine\.ts|directives\/liquid\.ts/.test(specifier)
        ),
        [],
      );
      assert.deepStrictEqual(
        specifiers.filter((specifier) => specifier.startsWith("npm:")),
        [],
      );
    });
  }
});
