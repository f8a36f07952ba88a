// `@flatten`: nested keys joined with a separator, as Segment's flattenObject.
import { defineOwn, isObject } from "./_real_type.ts";
import { valueTooDeep } from "./mapping_depth_error.ts";

/** Options for {@linkcode flattenValue}. */
export interface FlattenOptions {
  separator: string;
  omitArrays: boolean;
  maxDepth: number;
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
    for (const [key, value] of Object.entries(input)) {
      const path = prefix ? `${prefix}${options.separator}${key}` : key;
      flattenInto(out, value, path, options, depth + 1);
    }
    return;
  }
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
