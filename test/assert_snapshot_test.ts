import assert from "node:assert/strict";
import { assertSnapshot } from "@destkit/test";

/** A test context whose file lives in a temporary folder, so snapshots land there. */
async function fakeContext(name: string) {
  const dir = await Deno.makeTempDir();
  const origin = new URL(`file://${dir}/example_test.ts`).href;
  const t = { name, origin, parent: undefined } as unknown as Deno.TestContext;
  return { t, dir, file: `${dir}/__snapshots__/example_test.ts.snap` };
}

Deno.test("assertSnapshot() writes beside the test, compares, and shows a diff", async (t) => {
  const { t: context, dir, file } = await fakeContext("payload");
  try {
    await t.step("a missing snapshot is written as readable text", async () => {
      await assertSnapshot(context, {
        name: "Signed Up",
        count: 3,
        tags: ["a"],
        none: undefined,
      }, { update: false, ci: false });
      assert.equal(
        await Deno.readTextFile(file),
        [
          "// destkit snapshots: update with `deno task test -- --update` (or UPDATE_SNAPSHOTS=1)",
          "",
          "=== payload 1 ===",
          "{",
          '  "name": "Signed Up",',
          '  "count": 3,',
          '  "tags": [',
          '    "a",',
          "  ],",
          '  "none": undefined,',
          "}",
          "",
        ].join("\n"),
      );
    });
    await t.step("each assertion in a test is numbered", async () => {
      await assertSnapshot(context, "second", { ci: false });
      assert.match(
        await Deno.readTextFile(file),
        /=== payload 2 ===\n"second"\n/,
      );
    });
    await t.step("a different value fails with a line diff", async () => {
      const again = await fakeContext("payload");
      await Deno.mkdir(`${again.dir}/__snapshots__`);
      await Deno.copyFile(file, again.file);
      await assert.rejects(
        () =>
          assertSnapshot(again.t, {
            name: "Signed Up",
            count: 4,
            tags: ["a"],
            none: undefined,
          }, { update: false, ci: false }),
        (error: Error) => {
          assert.match(error.message, /^Snapshot "payload 1" does not match/);
          assert.match(
            error.message,
            /\n- {3}"count": 3,\n\+ {3}"count": 4,\n/,
          );
          assert.match(error.message, /deno task test -- --update/);
          return true;
        },
      );
      await Deno.remove(again.dir, { recursive: true });
    });
    await t.step("update mode rewrites it", async () => {
      const again = await fakeContext("payload");
      await Deno.mkdir(`${again.dir}/__snapshots__`);
      await Deno.copyFile(file, again.file);
      await assertSnapshot(again.t, { count: 5 }, { update: true });
      assert.match(
        await Deno.readTextFile(again.file),
        /=== payload 1 ===\n\{\n {2}"count": 5,\n\}/,
      );
      await Deno.remove(again.dir, { recursive: true });
    });
    await t.step(
      "in CI a missing snapshot fails and nothing is written",
      async () => {
        const fresh = await fakeContext("payload");
        await assert.rejects(
          () =>
            assertSnapshot(fresh.t, { count: 1 }, { update: false, ci: true }),
          /^AssertionError.*Snapshot "payload 1" is missing from .*deno task test -- --update/s,
        );
        await assert.rejects(() => Deno.stat(fresh.file), Deno.errors.NotFound);
        await Deno.remove(fresh.dir, { recursive: true });
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
