/**
 * The hand-written baseline: `buildPayload` + `JSON.stringify` + a POST over
 * Deno's own `fetch` with the headers a runtime sends, the response read and
 * JSON-parsed. It is the floor destkit's end-to-end figures are compared with.
 *
 * @module
 */
import { AUTHORIZATION } from "../scenario/definition.ts";
import type { BenchEvent } from "../scenario/events.ts";
import { buildPayload } from "../scenario/handwritten.ts";

/** A hand-written sender bound to a sink. */
export interface BaselineSender {
  /** POSTs one event's payload to `/track`. */
  sendEvent(event: BenchEvent): Promise<unknown>;
  /** POSTs `{ batch: [payload, ...] }` to `/batch`. */
  sendBatch(events: readonly BenchEvent[]): Promise<unknown>;
}

const HEADERS = {
  authorization: AUTHORIZATION,
  "content-type": "application/json",
  "user-agent": "Segment (Actions)",
};

async function post(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: "POST", headers: HEADERS, body });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(
      `Cannot send POST ${url}: received status ${response.status}`,
    );
  }
  return await response.json();
}

/** Returns the hand-written sender for the sink at `endpoint`. */
export function createBaselineSender(endpoint: string): BaselineSender {
  const trackUrl = `${endpoint}/track`;
  const batchUrl = `${endpoint}/batch`;
  return {
    sendEvent(event) {
      return post(trackUrl, JSON.stringify(buildPayload(event)));
    },
    sendBatch(events) {
      const batch = new Array(events.length);
      for (let i = 0; i < events.length; i++) {
        batch[i] = buildPayload(events[i]);
      }
      return post(batchUrl, JSON.stringify({ batch }));
    },
  };
}
