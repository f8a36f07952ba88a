import assert from "node:assert/strict";
import { makeEvent } from "./events.ts";
import { buildPayload } from "./handwritten.ts";

const SHARED_HANDWRITTEN = "/work/shared/bench/scenario/handwritten.mjs";

Deno.test("buildPayload() gives SCENARIO.md's example for event 9999", () => {
  const expected =
    '{"event_name":"Product Viewed","user_id":"8ad3572e-600d-4308-a20b-19239b4c2be1","message_id":"ajs-next-9c35971af4d1324ea073a54f54c09ec5","timestamp":"2026-01-15T11:46:39.425Z","logged_in":false,"page_url":"https://shop.example.com/products/knitwear-2189","label":"Outerwear / Product Viewed","user":{},"products":[{"product_id":"prod_973370","sku":"SKU-KV22-54","name":"Slim Boot","price":347.56,"quantity":1}]}';
  assert.equal(JSON.stringify(buildPayload(makeEvent(9999))), expected);
});

Deno.test("buildPayload() matches the shared hand-written builder", async (t) => {
  let shared: { buildPayload(event: unknown): unknown } | undefined;
  try {
    await Deno.stat(SHARED_HANDWRITTEN);
    shared = await import(SHARED_HANDWRITTEN);
  } catch {
    shared = undefined;
  }
  if (shared === undefined) {
    await t.step({
      name: "skipped: /work/shared is not present",
      ignore: true,
      fn: () => {},
    });
    return;
  }
  await t.step("events 0-1,999 and 10,000-10,099", () => {
    const indices = [
      ...Array(2000).keys(),
      ...Array.from({ length: 100 }, (_, k) => 10_000 + k),
    ];
    for (const i of indices) {
      const event = makeEvent(i);
      assert.equal(
        JSON.stringify(buildPayload(event)),
        JSON.stringify(shared.buildPayload(event)),
        `event ${i}`,
      );
    }
  });
  await t.step("leaves the event unchanged", () => {
    const event = makeEvent(3);
    const before = JSON.stringify(event);
    buildPayload(event);
    assert.equal(JSON.stringify(event), before);
  });
});
