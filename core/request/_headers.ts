import type { RequestHeaders } from "./request_options.ts";

/** Headers normalized to a plain object with lower-case names. */
export type HeaderRecord = Record<string, string>;

/**
 * Returns a new record: `base` with `input` applied on top, names case-insensitive; a
 * value of `undefined` (or the text "undefined", as in Segment's client) removes a header.
 */
export function mergeHeaders(
  base: HeaderRecord | undefined,
  input: RequestHeaders,
): HeaderRecord {
  const result: HeaderRecord = base === undefined ? {} : { ...base };
  if (input instanceof Headers) {
    input.forEach((value, name) => apply(result, name, value));
  } else if (Array.isArray(input)) {
    for (
      const [name, value] of input as ReadonlyArray<readonly [string, string]>
    ) {
      apply(result, name.toLowerCase(), value);
    }
  } else {
    const record = input as Record<string, string | undefined>;
    for (const name in record) apply(result, name.toLowerCase(), record[name]);
  }
  return result;
}

function apply(
  result: HeaderRecord,
  name: string,
  value: string | undefined,
): void {
  if (value === undefined || value === "undefined") delete result[name];
  else result[name] = String(value);
}

/** Returns the Basic Authorization value for `username:password`, encoded as UTF-8. */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
