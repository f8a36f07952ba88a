import assert from "node:assert/strict";
import {
  eventsHash,
  eventStream,
  generateEvents,
  makeEvent,
} from "./events.ts";

const SHARED_EVENTS = "/work/shared/bench/scenario/events.mjs";

Deno.test("eventsHash() of events 0-9,999 is the one SCENARIO.md records", async () => {
  assert.deepEqual(await eventsHash(10000), {
    n: 10000,
    bytes: 15122285,
    sha256: "09d6ff45d34c062dcfa306112e848d9f26aa600435f5c009b41cd75bcf68b3be",
  });
});

Deno.test("generateEvents() and eventStream() give the same sequence as makeEvent()", async (t) => {
  const cases = [{ n: 5, start: 0 }, { n: 3, start: 9998 }, {
    n: 2,
    start: 123456,
  }];
  for (const { n, start } of cases) {
    await t.step(`${n} events from ${start}`, () => {
      const expected = Array.from(
        { length: n },
        (_, k) => makeEvent(start + k),
      );
      assert.deepEqual(generateEvents(n, start), expected);
      assert.deepEqual([...eventStream(n, start)], expected);
    });
  }
});

Deno.test("makeEvent() matches the shared generator event for event", async (t) => {
  const shared = await importShared(SHARED_EVENTS);
  if (shared === undefined) {
    await t.step({
      name: "skipped: /work/shared is not present",
      ignore: true,
      fn: () => {},
    });
    return;
  }
  for (const seed of [42, 7]) {
    await t.step(`seed ${seed}, far indices`, () => {
      for (const i of [0, 1, 4096, 99_999, 1_000_003]) {
        assert.equal(
          JSON.stringify(makeEvent(i, seed)),
          JSON.stringify(shared.makeEvent(i, seed)),
        );
      }
    });
  }
});

async function importShared(
  path: string,
): Promise<{ makeEvent(i: number, seed: number): unknown } | undefined> {
  try {
    await Deno.stat(path);
  } catch {
    return undefined;
  }
  return await import(path);
}
