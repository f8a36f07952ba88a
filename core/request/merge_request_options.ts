import { mergeHeaders } from "./_headers.ts";
import type { RequestOptions } from "./request_options.ts";

/**
 * Returns `base` with `extra` applied on top, as a client merges its defaults, the
 * `extendRequest` output and a call's options: later values win, `headers` merge
 * case-insensitively (an `undefined` value removes a header, and the result holds
 * lower-case names), plain objects under `json` and `searchParams` merge deeply.
 * Neither argument is changed.
 *
 * @example
 * ```ts
 * import { mergeRequestOptions } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const merged = mergeRequestOptions(
 *   { headers: { Authorization: "Bearer a", "X-Team": "1" }, timeout: 5000 },
 *   { headers: { authorization: "Bearer b" }, method: "post" },
 * );
 * assert.deepEqual(merged, {
 *   headers: { authorization: "Bearer b", "x-team": "1" },
 *   timeout: 5000,
 *   method: "post",
 * });
 * ```
 */
export function mergeRequestOptions(
  base: RequestOptions,
  extra: RequestOptions,
): RequestOptions {
  const merged = mergeValues(base, extra);
  if (extra.headers !== undefined) {
    merged.headers = mergeHeaders(
      base.headers === undefined
        ? undefined
        : mergeHeaders(undefined, base.headers),
      extra.headers,
    );
  } else if (base.headers !== undefined) {
    merged.headers = mergeHeaders(undefined, base.headers);
  }
  return merged;
}

/** Returns `base` with `extra` on top, except `headers`: plain `json` and `searchParams` objects merge. */
export function mergeValues(
  base: RequestOptions,
  extra: RequestOptions,
): RequestOptions {
  const merged: RequestOptions = { ...base, ...extra };
  if (isPlainObject(base.json) && isPlainObject(extra.json)) {
    merged.json = mergeDeep(base.json, extra.json);
  }
  if (isPlainObject(base.searchParams) && isPlainObject(extra.searchParams)) {
    merged.searchParams = { ...base.searchParams, ...extra.searchParams };
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function mergeDeep(
  base: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const key in extra) {
    const value = extra[key];
    const previous = result[key];
    result[key] = isPlainObject(previous) && isPlainObject(value)
      ? mergeDeep(previous, value)
      : value;
  }
  return result;
}
