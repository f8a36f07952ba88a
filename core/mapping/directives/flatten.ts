import { MappingResolveError } from "../mapping_resolve_error.ts";
import { flattenValue } from "../_flatten.ts";
import { hasOption, isObject } from "../_real_type.ts";
import {
  type Checker,
  type CompileContext,
  type Directive,
  failWith,
  type Resolver,
  type Stack,
} from "./_types.ts";

function compile(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!isObject(options)) {
    return failWith('@flatten requires an object with a "separator" key');
  }
  if (!options.separator) {
    return failWith('@flatten requires a "separator" key');
  }
  const separator = context.compile(options.separator, "separator");
  const value = context.compile(options.value, "value");
  const omitArrays = Boolean(options.omitArrays);
  const { maxDepth } = context;
  return (data) => {
    const resolvedSeparator = separator(data);
    if (typeof resolvedSeparator !== "string") {
      throw new MappingResolveError("@flatten requires a string separator");
    }
    return flattenValue(value(data), {
      separator: resolvedSeparator,
      omitArrays,
      maxDepth,
      meter: context,
    });
  };
}

/** Checks the value under `@flatten` as Segment's validate does. */
export function flattenRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.fields(value, {
    separator: [check.string],
    value: [check.raw, true],
  }, stack);
}

/** The event keys the value under `@flatten` reads, as Segment lists them (`undefined`: none, try the next key). */
export function flattenKeys(
  value: unknown,
  read: (value: unknown) => unknown[],
): unknown[] | undefined {
  if (hasOption(value, "value")) {
    return read((value as Record<string, unknown>).value);
  }
}

/** `@flatten`: nested keys of `value` joined by `separator`; `omitArrays` (truthiness) keeps arrays whole. */
export const flattenDirective: Directive = {
  name: "@flatten",
  compile,
};
