// Segment's `time()`/`duration()`: a monotonic clock in nanoseconds as a bigint.

/** Returns a monotonic timestamp in nanoseconds (from `performance.now()`). */
export function time(): bigint {
  return BigInt(Math.round(performance.now() * 1e6));
}

/** Returns the milliseconds between two {@linkcode time} readings. */
export function duration(start: bigint, stop: bigint): number {
  return Number(stop - start) / 1e6;
}
