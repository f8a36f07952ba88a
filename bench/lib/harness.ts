/**
 * Bounded measurement loops: every loop stops at its count or its time cap,
 * whichever comes first; warm-up iterations are run and not measured.
 *
 * @module
 */

/** Counts and cap of one measure. */
export interface LoopBounds {
  /** Iterations run before timing. */
  warmup: number;
  /** Iterations timed (at most). */
  measured: number;
  /** Time cap of the measured loop, in milliseconds; the warm-up gets a quarter of it. */
  capMs: number;
}

/** Options of an asynchronous measure. */
export interface AsyncLoopBounds extends LoopBounds {
  /** Calls in flight at once (closed loop). @default {1} */
  concurrency?: number;
  /** Events one call carries (a batch call counts 1,000). @default {1} */
  eventsPerCall?: number;
}

/** The share of a measure's time cap its warm-up may take. */
export const WARMUP_CAP_SHARE = 0.25;

/** One measured figure. */
export interface Measurement {
  name: string;
  /** Events processed in the measured loop. */
  events: number;
  /** Calls made in the measured loop. */
  calls: number;
  /** Calls made in the warm-up. */
  warmupCalls: number;
  /** Wall time of the measured loop, in milliseconds. */
  ms: number;
  /** Events per second. */
  perSec: number;
  /** Concurrency of the loop (1 for synchronous measures). */
  concurrency: number;
  /** Median latency of one call, in milliseconds (asynchronous measures). */
  p50Ms?: number;
  /** 99th percentile latency of one call, in milliseconds (asynchronous measures). */
  p99Ms?: number;
  /** Whether the time cap stopped the measured loop before its count. */
  capped: boolean;
}

/** Returns the `q` quantile (0-1) of `sorted` (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[rank];
}

/** Returns the median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? sorted[mid]
    : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn(i)` synchronously for the bounds' counts and caps; `i` counts up across warm-up and measure. */
export function measureSync(
  name: string,
  fn: (i: number) => unknown,
  bounds: LoopBounds,
): Measurement {
  const { warmup, measured, capMs } = bounds;
  let sink = 0;
  const warmupEnd = performance.now() + capMs * WARMUP_CAP_SHARE;
  let i = 0;
  for (; i < warmup; i++) {
    if (fn(i) === undefined) sink++;
    if ((i & 255) === 255 && performance.now() > warmupEnd) break;
  }
  const warmupCalls = i;
  const start = performance.now();
  const end = start + capMs;
  let n = 0;
  for (; n < measured; n++) {
    if (fn(warmupCalls + n) === undefined) sink++;
    if ((n & 255) === 255 && performance.now() > end) {
      n++;
      break;
    }
  }
  const ms = performance.now() - start;
  if (sink < 0) throw new Error("Cannot happen: keeps results alive");
  return {
    name,
    events: n,
    calls: n,
    warmupCalls,
    ms,
    perSec: (n * 1000) / ms,
    concurrency: 1,
    capped: n < measured,
  };
}

/** Runs `count` calls of `fn(i)` with `concurrency` in flight, stopping at `capMs`; records latencies when given. */
async function closedLoop(
  fn: (i: number) => Promise<unknown>,
  count: number,
  concurrency: number,
  capMs: number,
  first: number,
  latencies?: Float64Array,
): Promise<number> {
  const end = performance.now() + capMs;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count && performance.now() < end) {
      const k = next++;
      const t0 = performance.now();
      await fn(first + k);
      if (latencies) latencies[k] = performance.now() - t0;
    }
  }
  const workers = [];
  for (let w = 0; w < Math.min(concurrency, count); w++) workers.push(worker());
  await Promise.all(workers);
  return next;
}

/** Runs `fn(i)` in a closed loop at the bounds' concurrency; `i` counts up across warm-up and measure. */
export async function measureAsync(
  name: string,
  fn: (i: number) => Promise<unknown>,
  bounds: AsyncLoopBounds,
): Promise<Measurement> {
  const { warmup, measured, capMs, concurrency = 1, eventsPerCall = 1 } =
    bounds;
  const warmupCalls = await closedLoop(
    fn,
    warmup,
    concurrency,
    capMs * WARMUP_CAP_SHARE,
    0,
  );
  const latencies = new Float64Array(measured);
  const start = performance.now();
  const calls = await closedLoop(
    fn,
    measured,
    concurrency,
    capMs,
    warmupCalls,
    latencies,
  );
  const ms = performance.now() - start;
  const sorted = latencies.subarray(0, calls).sort();
  const events = calls * eventsPerCall;
  return {
    name,
    events,
    calls,
    warmupCalls,
    ms,
    perSec: (events * 1000) / ms,
    concurrency,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    capped: calls < measured,
  };
}
