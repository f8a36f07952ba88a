import assert from "node:assert/strict";
import {
  compareReplays,
  formatReplayTable,
  type RecordedRequest,
  type ReplayResults,
} from "./compare.ts";
import { checkKnownDifferences } from "./known_differences.ts";

function request(
  body: string,
  url = "https://api.acme.test/t",
): RecordedRequest {
  return { method: "POST", url, headers: { "x-key": "k" }, body };
}

function oneCase(requests: RecordedRequest[], outcome: unknown = { value: 1 }) {
  return { cases: [{ type: "track", requests, outcome }] };
}

Deno.test("compareReplays() reports each destination's first difference", async (t) => {
  const segment: ReplayResults = {
    same: oneCase([request("a")]),
    body: oneCase([request('{"a":1}')]),
    order: oneCase([request("a"), request("b")]),
    count: oneCase([request("a")]),
    result: oneCase([], { value: "x" }),
    broken: { load: "Cannot find module 'kafkajs'" },
  };
  const destkit: ReplayResults = {
    same: oneCase([request("a")]),
    body: oneCase([request('{"a":2}')]),
    order: oneCase([request("b"), request("a")]),
    count: oneCase([request("a"), request("a")]),
    result: oneCase([], { value: "y" }),
    broken: oneCase([]),
  };
  const rows = compareReplays(segment, destkit);
  const bySlug = Object.fromEntries(rows.map((row) => [row.slug, row]));

  await t.step("identical when requests and outcomes are", () => {
    assert.equal(bySlug.same.status, "identical");
    assert.equal(bySlug.same.requests, "identical");
  });
  await t.step("a body byte names the request and the field", () => {
    assert.equal(bySlug.body.status, "different");
    assert.match(
      bySlug.body.detail,
      /^track: request 1 body: Segment .*1.*destkit .*2/,
    );
  });
  await t.step("the same requests in another order", () => {
    assert.equal(
      bySlug.order.detail,
      "track: the same 2 requests in another order",
    );
  });
  await t.step("a missing or extra request", () => {
    assert.equal(
      bySlug.count.detail,
      "track: 1 requests from Segment, 2 from destkit",
    );
  });
  await t.step("a result differs while the wire is identical", () => {
    assert.equal(bySlug.result.requests, "identical");
    assert.match(bySlug.result.detail, /^track: outcome: /);
  });
  await t.step("a load failure is not run", () => {
    assert.equal(bySlug.broken.status, "not run");
    assert.match(bySlug.broken.detail, /kafkajs/);
  });
  await t.step("the table has one line per destination and a summary", () => {
    const table = formatReplayTable(rows);
    assert.match(table, /^6 destinations: 1 identical, 4 different, 1 not run/);
    assert.match(table, /\| same \| 1 \| identical \| identical \|/);
  });
  await t.step("joined and left against a list of known differences", () => {
    const known = {
      body: "why",
      order: "why",
      count: "why",
      result: "why",
      same: "why",
    };
    assert.deepEqual(checkKnownDifferences(rows, known), {
      joined: ["broken"],
      left: ["same"],
    });
  });
});
