import type { RequestOptions } from "./request_options.ts";

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
