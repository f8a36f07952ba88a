// `@flatten`: nested keys joined with a separator, as Segment's flattenObject.
import type { Meter } from "./_budget.ts";
import { defineOwn, isObject } from "./_real_type.ts";
import { valueTooDeep } from "./mapping_depth_error.ts";

/** Options for {@linkcode flattenValue}. */
export interface FlattenOptions {
  separator: string;
  omitArrays: boolean;
  maxDepth: number;
  /** Counts each entry walked and the characters of each key written. */
  meter: Meter;
}

function flattenInto(
  out: Record<string, unknown>,
  input: unknown,
  prefix: string,
  options: FlattenOptions,
  depth: number,
): void {
  if (isObject(input) || (!options.omitArrays && Array.isArray(input))) {
    if (depth > options.maxDepth) throw valueTooDeep(options.maxDepth);
    const entries = Object.entries(input);
    options.meter.work(entries.length + 1);
    for (const [key, value] of entries) {
      const path = prefix ? `${prefix}${options.separator}${key}` : key;
      flattenInto(out, value, path, options, depth + 1);
    }
    return;
  }
  // A key is written out in full: long prefixes under many leaves cost their length each.
  options.meter.write(prefix.length);
  defineOwn(out, prefix, input);
}

/** Returns `value` flattened; a value that is not an object becomes `{ "": value }`. */
export function flattenValue(
  value: unknown,
  options: FlattenOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  flattenInto(out, value, "", options, 0);
  return out;
}
