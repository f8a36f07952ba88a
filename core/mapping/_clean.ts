// Copies that Segment makes with `Object.assign`, without ever changing a prototype.
import type { Meter } from "./_budget.ts";
import { isObject } from "./_real_type.ts";
import { valueTooDeep } from "./mapping_depth_error.ts";

/**
 * Returns a copy of `value` in which plain objects lose their `undefined`
 * keys, recursively, through objects and arrays (Segment's `removeUndefined`).
 */
export function removeUndefined(
  value: unknown,
  maxDepth: number,
  meter: Meter,
  depth = 0,
): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth > maxDepth) throw valueTooDeep(maxDepth);
  if (Array.isArray(value)) {
    // An index loop: an array without a prototype has no `map`.
    const { length } = value;
    meter.work(length + 1);
    const copy = new Array(length);
    for (let index = 0; index < length; index++) {
      copy[index] = removeUndefined(value[index], maxDepth, meter, depth + 1);
    }
    return copy;
  }
  if (!isObject(value)) return value;
  const cleaned: Record<string, unknown> = {};
  const keys = Object.keys(value);
  meter.work(keys.length + 1);
  for (const key of keys) {
    const item = value[key];
    // Segment's Object.assign turns an own "__proto__" key into a prototype; the key never reaches the output.
    if (item === undefined || key === "__proto__") continue;
    cleaned[key] = removeUndefined(item, maxDepth, meter, depth + 1);
  }
  return cleaned;
}

/** Returns a copy of an object whose `null` values become `undefined`, recursively through objects only. */
export function cleanNulls(
  value: unknown,
  maxDepth: number,
  meter: Meter,
  depth = 0,
): unknown {
  if (!isObject(value)) return value;
  if (depth > maxDepth) throw valueTooDeep(maxDepth);
  const cleaned: Record<string, unknown> = {};
  const keys = Object.keys(value);
  meter.work(keys.length + 1);
  for (const key of keys) {
    if (key === "__proto__") continue;
    const item = value[key];
    if (item === null) cleaned[key] = undefined;
    else if (isObject(item)) {
      cleaned[key] = cleanNulls(item, maxDepth, meter, depth + 1);
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
