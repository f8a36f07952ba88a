import assert from "node:assert/strict";
import { compileFql, IntegrationError } from "../mod.ts";
import { compileSubscription } from "./mod.ts";

const options = {
  destination: "Acme",
  findAction: (key: string) => (key === "track" ? { key } : undefined),
  compileQuery: compileFql,
  compileMapping(mapping: Readonly<Record<string, unknown>>) {
    if ("bad" in mapping) throw new TypeError("the mapping is bad");
    return { mapping };
  },
};

Deno.test("compileSubscription() returns ready, broken or disabled", async (t) => {
  const cases: [string, unknown, string, string?, RegExp?][] = [
    ["ready", { subscribe: 'type = "track"', partnerAction: "track" }, "ready"],
    [
      "disabled, even when broken",
      { subscribe: "type =", partnerAction: "nope", enabled: false },
      "disabled",
    ],
    [
      "not an object",
      "track",
      "broken",
      "INVALID_SUBSCRIPTION",
      /^Cannot run subscription 3: expected an object$/,
    ],
    [
      "an unknown action",
      { name: "T", subscribe: 'type = "track"', partnerAction: "nope" },
      "broken",
      "UNKNOWN_ACTION",
      /^Cannot run subscription "T": destination "Acme" has no action "nope"$/,
    ],
    [
      "no query",
      { subscribe: " ", partnerAction: "track" },
      "broken",
      "INVALID_SUBSCRIPTION",
      /it has no subscribe query/,
    ],
    [
      "a query that does not parse",
      { subscribe: 'type = "track" or', partnerAction: "track" },
      "broken",
      "INVALID_SUBSCRIPTION",
      /Cannot parse subscription query .* at column 18$/,
    ],
    [
      "a mapping that is not an object",
      { subscribe: 'type = "track"', partnerAction: "track", mapping: [1] },
      "broken",
      "INVALID_SUBSCRIPTION",
      /its mapping is not an object/,
    ],
    [
      "a mapping that does not compile",
      {
        subscribe: 'type = "track"',
        partnerAction: "track",
        mapping: { bad: 1 },
      },
      "broken",
      "INVALID_SUBSCRIPTION",
      /: the mapping is bad$/,
    ],
  ];
  for (const [label, subscription, status, code, message] of cases) {
    await t.step(label, () => {
      const compiled = compileSubscription(subscription, 3, options);
      assert.equal(compiled.status, status);
      if (compiled.status === "broken") {
        assert.ok(compiled.error instanceof IntegrationError);
        assert.equal(compiled.error.code, code);
        assert.equal(compiled.error.status, 400);
        assert.equal(compiled.error.retryable, false);
        assert.match(compiled.error.message, message!);
      }
    });
  }
  await t.step("a ready subscription matches with its query", () => {
    const compiled = compileSubscription(
      { subscribe: 'event = "A"', partnerAction: "track" },
      0,
      options,
    );
    assert.ok(compiled.status === "ready");
    assert.equal(compiled.match({ event: "A" }), true);
    assert.equal(compiled.match({ event: "B" }), false);
    assert.deepEqual(compiled.mapping, { mapping: {} });
  });
  await t.step(
    "Segment's checks ignore enabled and check only the query",
    () => {
      const segment = {
        ...options,
        checks: "segment" as const,
        findAction: (key: string) => key,
      };
      const off = compileSubscription(
        { subscribe: 'event = "A"', partnerAction: "x", enabled: false },
        0,
        segment,
      );
      assert.ok(off.status === "ready");
      assert.equal(off.action, "x");
      const kept = compileSubscription(
        { subscribe: 'event = "A"', partnerAction: "x", mapping: "as is" },
        0,
        segment,
      );
      assert.equal(kept.mappingSource, "as is");
      const none = compileSubscription(
        { subscribe: "", partnerAction: "x" },
        1,
        segment,
      );
      assert.ok(none.status === "broken");
      assert.equal(none.error.cause, undefined);
      const bad = compileSubscription(
        { subscribe: "type =", partnerAction: "x" },
        2,
        segment,
      );
      assert.ok(bad.status === "broken");
      assert.equal(bad.error.code, "INVALID_SUBSCRIPTION");
      assert.ok(bad.error.cause instanceof Error);
    },
  );
});
