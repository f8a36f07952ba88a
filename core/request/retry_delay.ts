/** Options for {@linkcode retryDelay}. */
export interface RetryDelayOptions {
  /**
   * Delay before the first retry, in milliseconds; doubles with each attempt. It is also
   * the floor under `Retry-After`: a partner answering `Retry-After: 0` still gets the
   * backoff. @default {500}
   */
  baseMs?: number;
  /**
   * The longest delay a client waits before retrying by itself, in milliseconds; a longer
   * `Retry-After` ends the retries. Values above the timer range (2^31 - 1 ms, about 24.8
   * days) count as that range. @default {30000}
   */
  maxMs?: number;
}

/** The longest delay timers can wait: `setTimeout` fires at once beyond it. */
export const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Returns the milliseconds that a `Retry-After` value asks to wait (delay-seconds or an
 * HTTP date, measured from `now`), or `undefined` when the value is missing or invalid.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseRetryAfter("120"), 120_000);
 * const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
 * assert.equal(parseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now), 30_000);
 * assert.equal(parseRetryAfter("soon"), undefined);
 * ```
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Returns the wait before retry `attempt` (1 for the first retry): `baseMs` doubled per
 * attempt, at most `maxMs` (itself at most 2^31 - 1); when the response has a
 * `Retry-After`, what it asks if that is longer. A `Retry-After` never shortens the
 * backoff, so `Retry-After: 0` cannot turn retries into a busy loop.
 *
 * @example
 * ```ts
 * import { retryDelay } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(retryDelay(3, new Headers(), { baseMs: 100 }), 400);
 * assert.equal(retryDelay(1, new Headers({ "retry-after": "2" })), 2000);
 * assert.equal(retryDelay(3, new Headers({ "retry-after": "0" })), 2000);
 * ```
 */
export function retryDelay(
  attempt: number,
  headers: Headers,
  options: RetryDelayOptions = {},
): number {
  const { baseMs = 500, maxMs = 30_000 } = options;
  const backoff = Math.min(
    baseMs * 2 ** (attempt - 1),
    Math.min(maxMs, MAX_DELAY_MS),
  );
  const asked = parseRetryAfter(headers.get("retry-after"));
  return asked === undefined ? backoff : Math.max(asked, backoff);
}
