import assert from "node:assert/strict";
import { join } from "node:path";
import { runAction } from "../action.ts";
import { runInit } from "../init.ts";
import { createWorkspace, runDeno } from "../_testing.ts";
import { destinationTemplates } from "./mod.ts";

// Every scaffold must work as written: generated into a workspace that resolves
// @destkit/* to this repository, it passes deno fmt, check, lint and test unedited.
Deno.test("every template scaffolds a destination that passes fmt, check, lint and test", async (t) => {
  const root = await createWorkspace();
  const directory = join(root, "destinations");
  try {
    for (const template of destinationTemplates) {
      await t.step(
        `${template.id}: init, then a ${
          template.mode === "device" ? "browser" : "server"
        } action`,
        async () => {
          const slug = `actions-matrix-${template.id}`;
          await runInit({
            name: `Matrix ${template.id}`,
            slug,
            template: template.id,
            directory,
          });
          const type = template.mode === "device" ? "browser" : "server";
          await runAction({
            name: "trackEvent",
            type,
            destination: slug,
            directory,
          });
          await runAction({
            name: "identify",
            type,
            destination: slug,
            title: "Identify",
            directory,
          });
        },
      );
    }
    for (const args of [["fmt", "--check"], ["check"], ["lint"]]) {
      await t.step(`deno ${args.join(" ")} passes`, async () => {
        const run = await runDeno([...args, "destinations"], root);
        assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
      });
    }
    // `deno check` covered the tests, so `deno test` skips a second type check. The first
    // run writes the snapshots, as on an author's machine; in CI, a missing one fails.
    await t.step(
      "deno test passes, then passes again in CI against the snapshots it wrote",
      async () => {
        for (const env of [{}, { CI: "true" }] as Record<string, string>[]) {
          const run = await runDeno(
            ["test", "--allow-all", "--no-check", "destinations"],
            root,
            env,
          );
          assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
          for (const template of destinationTemplates) {
            const folder = join(
              "destinations",
              `actions-matrix-${template.id}`,
            );
            for (
              const test of ["index", "trackEvent/index", "identify/index"]
            ) {
              assert.ok(
                run.stdout.includes(`${folder}/${test}_test.ts`),
                `${folder}/${test}_test.ts ran`,
              );
            }
            const snapshot = join(
              root,
              folder,
              "trackEvent/__snapshots__/index_test.ts.snap",
            );
            assert.ok((await Deno.stat(snapshot)).isFile);
          }
        }
      },
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
