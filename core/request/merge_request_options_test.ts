import assert from "node:assert/strict";
import { type RequestOptions } from "../mod.ts";
import { mergeRequestOptions } from "./mod.ts";

Deno.test("mergeRequestOptions() merges as extendRequest needs", async (t) => {
  const signal = new AbortController().signal;
  const cases: Array<
    {
      name: string;
      base: RequestOptions;
      extra: RequestOptions;
      expected: RequestOptions;
    }
  > = [
    {
      name: "later scalar options win",
      base: { method: "get", timeout: 100, throwHttpErrors: false },
      extra: { method: "post", timeout: false },
      expected: { method: "post", timeout: false, throwHttpErrors: false },
    },
    {
      name: "headers merge case-insensitively into lower-case names",
      base: { headers: { Authorization: "Bearer a", "X-One": "1" } },
      extra: { headers: new Headers({ AUTHORIZATION: "Bearer b" }) },
      expected: { headers: { authorization: "Bearer b", "x-one": "1" } },
    },
    {
      name: "headers given as pairs",
      base: {},
      extra: { headers: [["X-A", "1"], ["x-a", "2"]] },
      expected: { headers: { "x-a": "2" } },
    },
    {
      name: "headers of the base alone are normalized",
      base: { headers: { "X-A": "1" } },
      extra: { json: 1 },
      expected: { headers: { "x-a": "1" }, json: 1 },
    },
    {
      name: "an undefined header value removes the header",
      base: { headers: { "X-A": "1", "X-B": "2" } },
      extra: { headers: { "x-a": undefined } },
      expected: { headers: { "x-b": "2" } },
    },
    {
      name: "json objects merge deeply; arrays and other values are replaced",
      base: { json: { a: { b: 1, c: [1] }, d: 1 } },
      extra: { json: { a: { c: [2], e: 3 } } },
      expected: { json: { a: { b: 1, c: [2], e: 3 }, d: 1 } },
    },
    {
      name: "json that is not an object on either side is replaced",
      base: { json: [1] },
      extra: { json: { a: 1 } },
      expected: { json: { a: 1 } },
    },
    {
      name: "searchParams objects merge",
      base: { searchParams: { a: "1", b: "1" } },
      extra: { searchParams: { b: 2 } },
      expected: { searchParams: { a: "1", b: 2 } },
    },
    {
      name: "searchParams of another kind replace",
      base: { searchParams: { a: "1" } },
      extra: { searchParams: "b=2" },
      expected: { searchParams: "b=2" },
    },
    {
      name: "username, password, signal and prefixUrl carry over",
      base: { username: "u", password: "p", prefixUrl: "https://a.test" },
      extra: { signal },
      expected: {
        username: "u",
        password: "p",
        prefixUrl: "https://a.test",
        signal,
      },
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const snapshot = JSON.stringify([c.base, c.extra]);
      assert.deepEqual(mergeRequestOptions(c.base, c.extra), c.expected);
      assert.equal(JSON.stringify([c.base, c.extra]), snapshot);
    });
  }
});
