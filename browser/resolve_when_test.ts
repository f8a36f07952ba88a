import assert from "node:assert/strict";
import { resolveWhen } from "./mod.ts";

Deno.test("resolveWhen() resolves once the condition holds, and times out", async (t) => {
  await t.step(
    "resolves at once when the condition already holds",
    async () => {
      let checks = 0;
      await resolveWhen(() => ++checks, { timeout: 0 });
      assert.equal(checks, 1);
    },
  );

  await t.step("polls until the condition holds", async () => {
    let checks = 0;
    await resolveWhen(() => ++checks >= 3, { timeout: 1000, interval: 1 });
    assert.equal(checks, 3);
  });

  await t.step(
    "accepts the interval as a number, as Segment's runtime does",
    async () => {
      let checks = 0;
      await resolveWhen(() => ++checks >= 2, 1);
      assert.equal(checks, 2);
    },
  );

  await t.step(
    "rejects with TimeoutError when the condition never holds",
    async () => {
      await assert.rejects(
        resolveWhen(() => false, { timeout: 10, interval: 1 }),
        {
          name: "TimeoutError",
          code: "ETIMEDOUT",
          message: "Cannot continue: the condition did not hold within 10 ms",
        },
      );
    },
  );

  await t.step("rejects with what the condition throws", async () => {
    await assert.rejects(
      resolveWhen(() => {
        throw new RangeError("no SDK");
      }),
      RangeError,
    );
  });
});
