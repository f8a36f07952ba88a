import assert from "node:assert/strict";
import { join } from "node:path";
import { createWorkspace, initMinimal, runCli } from "./_testing.ts";

Deno.test("deno task manifest --out", async (t) => {
  const root = await createWorkspace();
  try {
    await initMinimal(root);

    await t.step("writes the manifest into an existing folder", async () => {
      const run = await runCli("manifest.ts", ["--out", "manifest.json"], {
        cwd: root,
      });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /Wrote manifest\.json/);
      const manifest = JSON.parse(
        await Deno.readTextFile(join(root, "manifest.json")),
      );
      assert.equal(manifest.destinations[0].slug, "actions-acme");
    });

    await t.step(
      "names a missing folder, not a temporary file, and writes nothing",
      async () => {
        const run = await runCli("manifest.ts", ["--out", "dist/x/m.json"], {
          cwd: root,
        });
        assert.equal(run.code, 1);
        assert.equal(
          run.stderr,
          "error: Cannot write dist/x/m.json: the folder dist/x does not exist; create it first or pass another --out\n",
        );
        assert.doesNotMatch(run.stderr, /destkit-/);
        const entries = await Array.fromAsync(Deno.readDir(root));
        assert.ok(entries.every((entry) => !entry.name.startsWith(".destkit")));
      },
    );

    await t.step("names a file that is in the way of the folder", async () => {
      const run = await runCli(
        "manifest.ts",
        ["--out", "manifest.json/m.json"],
        { cwd: root },
      );
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        /error: Cannot write manifest\.json\/m\.json: the folder manifest\.json is not a folder/,
      );
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
