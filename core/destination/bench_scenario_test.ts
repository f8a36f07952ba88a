// The bench-webhook destination (SCENARIO.md section 1) run unchanged through onEvent and
// onBatch: the request bodies must be byte-identical to Segment's, checked by the sink digest.
import assert from "node:assert/strict";
import { createDestination, type DestinationDefinition } from "@destkit/core";
import { makeEvent } from "../../bench/scenario/events.ts";
import * as ported from "../../bench/scenario/definition.ts";

const SHARED_DEFINITION = new URL(
  "../../../shared/bench/scenario/definition.mjs",
  import.meta.url,
);
const ENDPOINT = "http://127.0.0.1:18090";

interface Scenario {
  createDefinition(options: { endpoint: string }): unknown;
  settingsWithSubscriptions(): Record<string, unknown>;
  API_KEY: string;
}

async function loadScenario(): Promise<{ scenario: Scenario; source: string }> {
  try {
    await Deno.stat(SHARED_DEFINITION);
    return {
      scenario: await import(SHARED_DEFINITION.href) as Scenario,
      source: "shared definition.mjs",
    };
  } catch {
    return {
      scenario: ported as unknown as Scenario,
      source: "bench/scenario/definition.ts (shared copy absent)",
    };
  }
}

/** A sink in a fetch: counts requests and body bytes, sums SHA-1 prefixes as SCENARIO.md says. */
function createSink() {
  const sink = {
    requests: 0,
    bytes: 0,
    badAuth: 0,
    digest: 0n,
    bodies: [] as string[],
    headers: [] as Headers[],
  };
  const pending: Promise<void>[] = [];
  function fetch(_url: string, init: RequestInit): Promise<Response> {
    const body = init.body as string;
    const headers = new Headers(init.headers);
    sink.requests++;
    sink.bodies.push(body);
    sink.headers.push(headers);
    const bytes = new TextEncoder().encode(body);
    sink.bytes += bytes.length;
    pending.push(
      crypto.subtle.digest("SHA-1", bytes).then((hash) => {
        sink.digest =
          (sink.digest + new DataView(hash).getBigUint64(0, false)) %
          (1n << 64n);
      }),
    );
    return Promise.resolve(
      new Response("{}", {
        status: 200,
        headers: { "content-type": "application/json" },
      }),
    );
  }
  return { sink, fetch, settle: () => Promise.all(pending) };
}

Deno.test("bench-webhook runs through onEvent and onBatch with Segment's bytes on the wire", async (t) => {
  const { scenario, source } = await loadScenario();
  const { sink, fetch, settle } = createSink();
  const definition = scenario.createDefinition({
    endpoint: ENDPOINT,
  }) as DestinationDefinition;
  const destination = createDestination(definition, { fetch });
  const settings = scenario.settingsWithSubscriptions();
  const events = Array.from({ length: 2000 }, (_, i) => makeEvent(i, 42));

  await t.step(`events 0 to 1,999 one by one (${source})`, async () => {
    for (const event of events) {
      const results = await destination.onEvent(event, settings);
      assert.equal(results.length, 1);
      assert.equal(results[0].status, "delivered", JSON.stringify(results[0]));
    }
  });

  await t.step("then two batches of 1,000", async () => {
    for (const batch of [events.slice(0, 1000), events.slice(1000)]) {
      const results = await destination.onBatch(batch, settings);
      assert.equal(results.length, 1000);
      assert.ok(results.every((result) => result.status === "delivered"));
    }
  });

  await t.step(
    "the sink saw SCENARIO.md's 2,002 requests, 2,114,428 bytes, digest 76a40032688a8896",
    async () => {
      await settle();
      assert.equal(sink.requests, 2002);
      assert.equal(sink.bytes, 2114428);
      assert.equal(
        sink.digest.toString(16).padStart(16, "0"),
        "76a40032688a8896",
      );
    },
  );

  await t.step("every request has the headers Segment's runtime sends", () => {
    for (const headers of sink.headers) {
      assert.equal(headers.get("authorization"), `Bearer ${scenario.API_KEY}`);
      assert.equal(headers.get("content-type"), "application/json");
      assert.equal(headers.get("user-agent"), "Segment (Actions)");
    }
  });

  await t.step("event 9999 gives the payload SCENARIO.md shows", async () => {
    const before = sink.bodies.length;
    await destination.onEvent(makeEvent(9999, 42), settings);
    assert.equal(
      sink.bodies[before],
      '{"event_name":"Product Viewed","user_id":"8ad3572e-600d-4308-a20b-19239b4c2be1","message_id":"ajs-next-9c35971af4d1324ea073a54f54c09ec5","timestamp":"2026-01-15T11:46:39.425Z","logged_in":false,"page_url":"https://shop.example.com/products/knitwear-2189","label":"Outerwear / Product Viewed","user":{},"products":[{"product_id":"prod_973370","sku":"SKU-KV22-54","name":"Slim Boot","price":347.56,"quantity":1}]}',
    );
  });

  await t.step("events are not mutated", async () => {
    const event = makeEvent(7, 42);
    const copy = structuredClone(event);
    await destination.onEvent(event, settings);
    await destination.onBatch([event], settings);
    assert.deepEqual(event, copy);
  });
});
