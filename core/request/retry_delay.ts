/** Options for {@linkcode retryDelay}. */
export interface RetryDelayOptions {
  /** Delay before the first retry, in milliseconds; doubles with each attempt. @default {500} */
  baseMs?: number;
  /** The longest delay a client waits before retrying by itself, in milliseconds. @default {30000} */
  maxMs?: number;
}

/**
 * Returns the milliseconds that a `Retry-After` value asks to wait (delay-seconds or an
 * HTTP date, measured from `now`), or `undefined` when the value is missing or invalid.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "@destkit/core";
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
 * Returns the wait before retry `attempt` (1 for the first retry): what `Retry-After`
 * asks when the response has one, else `baseMs` doubled per attempt, at most `maxMs`.
 *
 * @example
 * ```ts
 * import { retryDelay } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(retryDelay(3, new Headers(), { baseMs: 100 }), 400);
 * assert.equal(retryDelay(1, new Headers({ "retry-after": "2" })), 2000);
 * ```
 */
export function retryDelay(
  attempt: number,
  headers: Headers,
  options: RetryDelayOptions = {},
): number {
  const { baseMs = 500, maxMs = 30_000 } = options;
  const asked = parseRetryAfter(headers.get("retry-after"));
  if (asked !== undefined) return asked;
  return Math.min(baseMs * 2 ** (attempt - 1), maxMs);
}
