/**
 * Talks to a running sink: reset its counters, read them, and check that it
 * saw exactly the requests a measure made.
 *
 * @module
 */
import type { SinkStats } from "../sink.ts";

export type { SinkStats };

/** Zeroes the sink's counters. */
export async function resetSink(endpoint: string): Promise<void> {
  const response = await fetch(`${endpoint}/__reset`, { method: "POST" });
  await response.body?.cancel();
  if (!response.ok) {
    throw new Error(
      `Cannot reset the sink at ${endpoint}: received status ${response.status}`,
    );
  }
}

/** Returns the sink's counters since the last reset. */
export async function readSink(endpoint: string): Promise<SinkStats> {
  const response = await fetch(`${endpoint}/__stats`);
  if (!response.ok) {
    throw new Error(
      `Cannot read the sink's stats at ${endpoint}: received status ${response.status}`,
    );
  }
  return await response.json() as SinkStats;
}

/** Throws unless the sink saw `requests` requests, each with the right Authorization header. */
export function assertSinkSaw(
  stats: SinkStats,
  requests: number,
  measure: string,
): void {
  if (stats.requests !== requests) {
    throw new Error(
      `Cannot trust ${measure}: the sink saw ${stats.requests} requests, the client made ${requests}`,
    );
  }
  if (stats.authorizationOk !== requests) {
    const wrong = requests - stats.authorizationOk;
    throw new Error(
      `Cannot trust ${measure}: ${wrong} of ${requests} requests had a wrong Authorization header`,
    );
  }
  if (stats.contentTypeOk !== requests) {
    const wrong = requests - stats.contentTypeOk;
    throw new Error(
      `Cannot trust ${measure}: ${wrong} of ${requests} requests were not application/json`,
    );
  }
}
