// The liquid-free entry must not reach liquidjs, so browser bundles can leave it out.
import assert from "node:assert/strict";

Deno.test("compile_without_liquid.ts does not import liquidjs", async () => {
  const entry = decodeURIComponent(
    new URL("./compile_without_liquid.ts", import.meta.url).pathname,
  );
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    stdout: "piped",
  }).output();
  assert.equal(output.code, 0);
  const info = JSON.parse(new TextDecoder().decode(output.stdout)) as {
    modules: Array<{ specifier: string }>;
    npmPackages?: object;
  };
  const specifiers = info.modules.map((module) => module.specifier);
  assert.ok(
    specifiers.some((specifier) => specifier.endsWith("/directives/mod.ts")),
  );
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
