import assert from "node:assert/strict";
import {
  createDestination,
  defineDestination,
  type EventResult,
  MultiStatusResponse,
  RetryableError,
} from "@destkit/core";
import { createPartner } from "../../_test_partner.ts";
import { acme, API, IDENTIFY, multiStatus, TRACK } from "../_test_fixtures.ts";

function trackEvents(count: number, invalid: ReadonlySet<number> = new Set()) {
  return Array.from({ length: count }, (_, i) => ({
    type: "track",
    event: invalid.has(i) ? undefined : `Event ${i}`,
    properties: { count: i },
  }));
}

/** A destination whose performBatch lets `decide` answer each payload through a MultiStatusResponse. */
function multiStatusDestination(
  decide: (payload: { name?: string }, index: number) => number,
) {
  const batches: unknown[][] = [];
  const destination = createDestination(defineDestination({
    name: "Multi",
    mode: "cloud",
    actions: {
      track: {
        title: "Track",
        fields: { name: { label: "Name", type: "string", required: true } },
        perform: () => {
          throw new Error("perform must not run when performBatch exists");
        },
        performBatch: (_request, { payload }) => {
          batches.push(payload);
          return multiStatus(payload, decide);
        },
      },
    },
  }));
  return { destination, batches };
}

const MULTI_SETTINGS = {
  subscriptions: [{
    subscribe: 'type = "track"',
    partnerAction: "track",
    mapping: { name: { "@path": "$.event" } },
  }],
};

Deno.test("onBatch() returns one result per event, in order: delivered, invalid, failed", async (t) => {
  const invalid = new Set([3, 150, 151, 400, 555, 600, 777, 800, 901, 999]);
  const rejected = new Map([[10, 503], [200, 400], [201, 429], [640, 500], [
    998,
    422,
  ]]);
  const { destination, batches } = multiStatusDestination((payload) => {
    const i = Number(payload.name!.slice("Event ".length));
    return rejected.get(i) ?? 200;
  });
  const events = trackEvents(1000, invalid);
  const results = await destination.onBatch(events, MULTI_SETTINGS);

  await t.step("1,000 results, none lost", () => {
    assert.equal(results.length, 1000);
    assert.ok(results.every((result) => result !== undefined));
  });
  await t.step(
    "the 10 invalid events are invalid with the reason, and were not sent",
    () => {
      for (const i of invalid) {
        assert.equal(results[i].status, "invalid", `event ${i}`);
        assert.equal(results[i].error?.code, "PAYLOAD_VALIDATION_FAILED");
        assert.match(results[i].error!.message, /name/);
      }
      assert.equal(batches.length, 1);
      assert.equal(batches[0].length, 990);
    },
  );
  await t.step(
    "the 5 rejected events are failed with status and whether to retry",
    () => {
      for (const [i, status] of rejected) {
        assert.equal(results[i].status, "failed", `event ${i}`);
        assert.equal(results[i].error?.status, status);
        assert.equal(results[i].error?.code, "HTTP_ERROR");
        assert.equal(
          results[i].error?.retryable,
          status !== 400 && status !== 422,
        );
        assert.equal(results[i].error?.message, `Rejected with ${status}`);
      }
    },
  );
  await t.step("the other 985 are delivered with their own body", () => {
    const delivered = results.filter((result) => result.status === "delivered");
    assert.equal(delivered.length, 985);
    // Item k of the batch answered { id: k }; the batch skipped the invalid events before it.
    assert.deepEqual(results[4].output, { id: 3 });
  });
});

Deno.test("onBatch() applies what performBatch returns or throws to the items sent", async (t) => {
  await t.step(
    "a thrown error fails each sent item; invalid items stay invalid",
    async () => {
      const destination = createDestination(defineDestination({
        name: "Thrower",
        mode: "cloud",
        actions: {
          track: {
            title: "Track",
            fields: { name: { label: "Name", type: "string", required: true } },
            perform: () => null,
            performBatch: () => {
              throw new RetryableError("Partner overloaded", 503);
            },
          },
        },
      }));
      const results = await destination.onBatch(
        trackEvents(4, new Set([1])),
        MULTI_SETTINGS,
      );
      assert.deepEqual(results.map((result) => result.status), [
        "failed",
        "invalid",
        "failed",
        "failed",
      ]);
      assert.deepEqual(results[0].error, {
        message: "Partner overloaded",
        code: "RETRYABLE_ERROR",
        status: 503,
        retryable: true,
      });
    },
  );

  await t.step(
    "a response delivers every sent item, with one request",
    async () => {
      const partner = createPartner(() => Response.json({ accepted: 2 }));
      const destination = createDestination(acme, { fetch: partner.fetch });
      const results = await destination.onBatch(trackEvents(3, new Set([0])), {
        apiKey: "k",
        subscriptions: [TRACK],
      });
      assert.deepEqual(results.map((result) => result.status), [
        "invalid",
        "delivered",
        "delivered",
      ]);
      assert.deepEqual(results[1].output, { accepted: 2 });
      assert.equal(partner.seen.length, 1);
      assert.equal(partner.seen[0].url, `${API}/batch`);
      assert.deepEqual(partner.seen[0].body, {
        batch: [{ name: "Event 1", count: 1 }, { name: "Event 2", count: 2 }],
      });
    },
  );

  await t.step(
    "a missing MultiStatusResponse item fails that item",
    async () => {
      const { destination } = multiStatusDestination(() => 200);
      const short = createDestination(defineDestination({
        name: "Short",
        mode: "cloud",
        actions: {
          track: {
            title: "Track",
            fields: {},
            perform: () => null,
            performBatch: () => {
              const response = new MultiStatusResponse();
              response.pushSuccessResponse({ status: 200, body: "first" });
              return response;
            },
          },
        },
      }));
      const settings = {
        subscriptions: [{
          subscribe: 'type = "track"',
          partnerAction: "track",
          mapping: {},
        }],
      };
      const results = await short.onBatch(trackEvents(2), settings);
      assert.deepEqual(results.map((result) => result.status), [
        "delivered",
        "failed",
      ]);
      assert.equal(results[0].output, "first");
      assert.match(results[1].error!.message, /no response at index 1/);
      assert.equal((await destination.onBatch([], MULTI_SETTINGS)).length, 0);
    },
  );
});

Deno.test("onBatch() calls perform per event when there is no performBatch", async () => {
  let running = 0;
  let most = 0;
  const partner = createPartner(async (request) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 1));
    running--;
    const { userId } = request.body as { userId: string };
    return userId.endsWith("7")
      ? new Response("", { status: 500 })
      : Response.json({ userId });
  });
  const destination = createDestination(acme, {
    fetch: partner.fetch,
    batchConcurrency: 4,
  });
  const events = Array.from(
    { length: 30 },
    (_, i) => ({ type: "identify", userId: i === 5 ? undefined : `u${i}` }),
  );
  const results = await destination.onBatch(events, {
    apiKey: "k",
    subscriptions: [IDENTIFY],
  });
  assert.equal(results.length, 30);
  results.forEach((result, i) => {
    const expected = i === 5
      ? "invalid"
      : i % 10 === 7
      ? "failed"
      : "delivered";
    assert.equal(result.status, expected, `event ${i}`);
  });
  assert.deepEqual(results[3].output, { userId: "u3" });
  assert.equal(partner.seen.length, 29);
  assert.ok(most <= 4, `at most 4 at once, saw ${most}`);
});

Deno.test("onBatch() with several subscriptions gives one result per event", async () => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });
  const both = { ...IDENTIFY, subscribe: 'type = "track"' };
  const events = [
    { type: "track", event: "A", userId: "u1" },
    { type: "page" },
    { type: "track", event: "B" },
  ];
  const results: EventResult[] = await destination.onBatch(events, {
    apiKey: "k",
    subscriptions: [TRACK, both],
  });
  assert.equal(results.length, 3);
  assert.equal(results[0].status, "delivered");
  assert.deepEqual(results[0].results?.map((result) => result.action), [
    "track",
    "identify",
  ]);
  assert.equal(results[1].status, "unmatched");
  assert.equal(
    results[2].status,
    "invalid",
    "the identify subscription has no userId",
  );
  assert.deepEqual(results[2].results?.map((result) => result.status), [
    "delivered",
    "invalid",
  ]);
});

Deno.test("onBatch() with invalid settings fails every event", async () => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });
  const results = await destination.onBatch(
    trackEvents(3),
    { subscriptions: [TRACK] } as unknown as { apiKey: string },
  );
  assert.deepEqual(
    results.map((result) => [result.status, result.error?.code]),
    [
      ["failed", "INVALID_SETTINGS"],
      ["failed", "INVALID_SETTINGS"],
      ["failed", "INVALID_SETTINGS"],
    ],
  );
  assert.equal(partner.seen.length, 0);
  await assert.rejects(
    () => destination.onBatch("nope" as never, { apiKey: "k" }),
    TypeError,
  );
});

Deno.test("executeBatch() runs events through one action with a mapping", async () => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });
  const results = await destination.executeBatch("track", {
    events: trackEvents(2),
    settings: { apiKey: "k" },
  }, { recordRequests: true });
  assert.deepEqual(results.map((result) => result.status), [
    "delivered",
    "delivered",
  ]);
  assert.equal(results[0].requests?.length, 1);
  assert.equal(
    results[0].requests,
    results[1].requests,
    "the items share the batch's requests",
  );
  const unknown = await destination.executeBatch("nope", {
    events: trackEvents(2),
    settings: { apiKey: "k" },
  });
  assert.deepEqual(unknown.map((result) => result.error?.code), [
    "UNKNOWN_ACTION",
    "UNKNOWN_ACTION",
  ]);
});
