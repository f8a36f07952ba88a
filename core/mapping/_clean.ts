// Copies that Segment makes with `Object.assign`, without ever changing a prototype.
import { isObject } from "./_real_type.ts";
import { valueTooDeep } from "./mapping_depth_error.ts";

/**
 * Returns a copy of `value` in which plain objects lose their `undefined`
 * keys, recursively, through objects and arrays (Segment's `removeUndefined`).
 */
export function removeUndefined(
  value: unknown,
  maxDepth: number,
  depth = 0,
): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth > maxDepth) throw valueTooDeep(maxDepth);
  if (Array.isArray(value)) {
    return value.map((item) => removeUndefined(item, maxDepth, depth + 1));
  }
  if (!isObject(value)) return value;
  const cleaned: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    // Segment's Object.assign turns an own "__proto__" key into a prototype; the key never reaches the output.
    if (item === undefined || key === "__proto__") continue;
    cleaned[key] = removeUndefined(item, maxDepth, depth + 1);
  }
  return cleaned;
}

/** Returns a copy of an object whose `null` values become `undefined`, recursively through objects only. */
export function cleanNulls(
  value: unknown,
  maxDepth: number,
  depth = 0,
): unknown {
  if (!isObject(value)) return value;
  if (depth > maxDepth) throw valueTooDeep(maxDepth);
  const cleaned: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === "__proto__") continue;
    const item = value[key];
    if (item === null) cleaned[key] = undefined;
    else if (isObject(item)) {
      cleaned[key] = cleanNulls(item, maxDepth, depth + 1);
    } else cleaned[key] = item;
  }
  return cleaned;
}

/** Copies the own enumerable keys of `source` onto `target` as `Object.assign` would, skipping `__proto__`. */
export function assignOwn(
  target: Record<string, unknown>,
  source: unknown,
): void {
  if (source === null || source === undefined) return;
  if (typeof source !== "object") {
    Object.assign(target, source);
    return;
  }
  if (!Object.hasOwn(source, "__proto__")) {
    Object.assign(target, source);
    return;
  }
  for (const key of Object.keys(source)) {
    if (key !== "__proto__") {
      target[key] = (source as Record<string, unknown>)[key];
    }
  }
}
