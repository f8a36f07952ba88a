import assert from "node:assert/strict";
import { parseRetryAfter, retryDelay } from "./mod.ts";

Deno.test("parseRetryAfter() reads seconds and HTTP dates", async (t) => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  const cases: Array<[string | null | undefined, number | undefined]> = [
    ["0", 0],
    ["120", 120_000],
    [" 3 ", 3000],
    ["1.5", 1500],
    ["Wed, 21 Oct 2015 07:28:30 GMT", 30_000],
    ["Wed, 21 Oct 2015 07:27:00 GMT", 0],
    ["-1", undefined],
    ["", undefined],
    ["soon", undefined],
    ["1e3", undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [value, expected] of cases) {
    await t.step(`${JSON.stringify(value)} gives ${expected}`, () => {
      assert.equal(parseRetryAfter(value, now), expected);
    });
  }
});

Deno.test("retryDelay() backs off and honours Retry-After", async (t) => {
  const none = new Headers();
  const cases: Array<
    [string, number, Headers, Parameters<typeof retryDelay>[2], number]
  > = [
    ["first retry waits baseMs", 1, none, { baseMs: 100 }, 100],
    ["each retry doubles", 4, none, { baseMs: 100 }, 800],
    ["the default base is 500 ms", 2, none, undefined, 1000],
    ["backoff stops at maxMs", 10, none, { baseMs: 100, maxMs: 1000 }, 1000],
    ["Retry-After seconds win", 3, new Headers({ "retry-after": "2" }), {
      baseMs: 0,
    }, 2000],
    [
      "Retry-After beyond maxMs is returned as asked",
      1,
      new Headers({ "retry-after": "60" }),
      { maxMs: 1000 },
      60_000,
    ],
    [
      "an invalid Retry-After is ignored",
      1,
      new Headers({ "retry-after": "later" }),
      { baseMs: 7 },
      7,
    ],
  ];
  for (const [name, attempt, headers, options, expected] of cases) {
    await t.step(
      name,
      () => assert.equal(retryDelay(attempt, headers, options), expected),
    );
  }
});
