/**
 * The correctness gate run before any timing: an implementation's payloads
 * equal the hand-written ones (mapping + validation, the single path and the
 * batch path), its inputs are left unchanged, and the sink's digest of
 * SCENARIO.md section 1 comes out as recorded.
 *
 * @module
 */
import type { BenchImplementation } from "../adapters/types.ts";
import { createDefinition } from "../scenario/definition.ts";
import type { BenchEvent } from "../scenario/events.ts";
import { generateEvents } from "../scenario/events.ts";
import { buildPayload } from "../scenario/handwritten.ts";
import { readSink, resetSink, type SinkStats } from "./sink_client.ts";

/** What the sink must see for SCENARIO.md section 1's digest check. */
export const EXPECTED_DIGEST = {
  requests: 2002,
  bytes: 2114428,
  authorizationOk: 2002,
  digest: "76a40032688a8896",
} as const;

/** The outcome of {@linkcode checkPayloads}. */
export interface PayloadCheck {
  events: number;
  mapValidate: number;
  single: number;
  batch: number;
}

/** Throws unless `implementation` gives `buildPayload`'s JSON for every event of `events`, on every path. */
export async function checkPayloads(
  implementation: BenchImplementation,
  events: readonly BenchEvent[],
): Promise<PayloadCheck> {
  const before = events.map((event) => JSON.stringify(event));
  const expected = events.map((event) => JSON.stringify(buildPayload(event)));
  const where = (path: string, i: number) =>
    `${implementation.name} ${path} payload of event ${i}`;

  const mapValidate = implementation.createMapValidate();
  for (let i = 0; i < events.length; i++) {
    assertSame(
      JSON.stringify(mapValidate(events[i])),
      expected[i],
      where("mapping + validation", i),
    );
  }

  let captured: unknown;
  const destination = implementation.createDestination(createDefinition({
    endpoint: "http://127.0.0.1:9",
    perform: (_request, { payload }) => {
      captured = payload;
      return { ok: true };
    },
    performBatch: (_request, { payload }) => {
      captured = payload;
      return { ok: true };
    },
  }));
  for (let i = 0; i < events.length; i++) {
    captured = undefined;
    await destination.onEvent(events[i]);
    assertSame(JSON.stringify(captured), expected[i], where("onEvent", i));
  }
  for (let start = 0; start < events.length; start += 1000) {
    const slice = events.slice(start, start + 1000);
    captured = undefined;
    await destination.onBatch(slice);
    const batch = captured as unknown[];
    if (!Array.isArray(batch) || batch.length !== slice.length) {
      throw new Error(
        `Cannot check ${
          where("onBatch", start)
        }: performBatch got ${typeof batch}`,
      );
    }
    for (let k = 0; k < batch.length; k++) {
      assertSame(
        JSON.stringify(batch[k]),
        expected[start + k],
        where("onBatch", start + k),
      );
    }
  }

  for (let i = 0; i < events.length; i++) {
    if (JSON.stringify(events[i]) !== before[i]) {
      throw new Error(
        `Cannot trust ${implementation.name}: it changed event ${i} it was handed`,
      );
    }
  }
  return {
    events: events.length,
    mapValidate: events.length,
    single: events.length,
    batch: events.length,
  };
}

function assertSame(actual: string, expected: string, what: string): void {
  if (actual !== expected) {
    throw new Error(
      `Cannot accept the ${what}: got ${actual}, expected ${expected}`,
    );
  }
}

/** A sender of single events and batches to the sink, for {@linkcode checkDigest}. */
export interface DigestSender {
  sendEvent(event: BenchEvent): Promise<unknown>;
  sendBatch(events: BenchEvent[]): Promise<unknown>;
}

/** Sends events 0-1,999 one by one (16 in flight) and then as two batches, and throws unless the sink saw SCENARIO.md's digest. */
export async function checkDigest(
  endpoint: string,
  sender: DigestSender,
  name: string,
): Promise<SinkStats> {
  const events = generateEvents(2000);
  await resetSink(endpoint);
  // the digest is order-independent: the single events go 16 at a time
  let next = 0;
  async function worker(): Promise<void> {
    while (next < events.length) await sender.sendEvent(events[next++]);
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  await sender.sendBatch(events.slice(0, 1000));
  await sender.sendBatch(events.slice(1000, 2000));
  const stats = await readSink(endpoint);
  const seen = {
    requests: stats.requests,
    bytes: stats.bytes,
    authorizationOk: stats.authorizationOk,
    digest: stats.digest,
  };
  if (JSON.stringify(seen) !== JSON.stringify(EXPECTED_DIGEST)) {
    throw new Error(
      `Cannot accept ${name}'s requests: the sink saw ${
        JSON.stringify(seen)
      }, expected ${JSON.stringify(EXPECTED_DIGEST)}`,
    );
  }
  return stats;
}
