// Segment's small value helpers: type names, omit, removeUndefined, get, defaultValues.
import type { JSONValue } from "./_json.ts";

/** Returns the lower-case class of a value as `Object.prototype.toString` names it (`"array"`, `"date"`, `"null"`). */
export function realTypeOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1).toLowerCase();
}

/** Whether `value` is a plain object (not an array, not null, not a date). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return realTypeOf(value) === "object";
}

/** Whether `value` is an array. */
export function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** Whether `value` is a string. */
export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** Returns a copy of `object` without `keys` (own enumerable keys only; `null` gives `{}`). */
export function omit<T extends object, K extends keyof T>(
  object: T | null | undefined,
  keys: readonly (K | string)[],
): Omit<T, K> {
  const result: Record<string, unknown> = {};
  const source = (object ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (!keys.includes(key)) result[key] = source[key];
  }
  return result as Omit<T, K>;
}

/** Returns `value` with `undefined` object values removed, recursively through arrays and plain objects. */
export function removeUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => removeUndefined(item)) as T;
  }
  if (!isObject(value)) return value;
  const cleaned: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) cleaned[key] = removeUndefined(item);
  }
  return cleaned as T;
}

// A bracket splits only before a quote or a digit, as in Segment's `get`.
const PATH_SEPARATORS = /\[(?="|'|\d)|\.|(?<="|'|\d)]+/g;

/**
 * Reads `path` (`"a.b[0]"`, `"a['b']"` or a list of keys) from `object`; a falsy value on the way is
 * returned as is, `""` and `"."` return `object`.
 */
export function get<T = unknown>(
  object: unknown,
  path: string | string[] | null | undefined,
): T | undefined {
  if (path === "" || path === ".") return object as T;
  if (path === null || path === undefined) return undefined;
  const keys = Array.isArray(path)
    ? path
    : path.split(PATH_SEPARATORS).filter((key) => key !== "").map((key) =>
      key.replace(/'|"/g, "")
    );
  let current = object as Record<string, unknown> | undefined;
  for (const key of keys) {
    if (!current) return current as T;
    current = current[key] as Record<string, unknown> | undefined;
  }
  return current as T;
}

/** Returns each field's `default`, keyed by field name, leaving out fields without one. */
export function defaultValues(
  fields: Record<string, unknown>,
): Record<string, JSONValue> {
  const values: Record<string, JSONValue> = {};
  for (const name of Object.keys(fields)) {
    const value = (fields[name] as { default?: JSONValue }).default;
    if (value !== undefined) values[name] = value;
  }
  return values;
}
