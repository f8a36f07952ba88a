import { MappingResolveError } from "../mapping_resolve_error.ts";
import { flattenValue } from "../_flatten.ts";
import type { Checker, Stack, ValueKeys } from "./_types.ts";
import { objectDirective } from "./_types.ts";

/** `@flatten`: nested keys of `value` joined by `separator`; `omitArrays` (truthiness) keeps arrays whole. */
export const flattenDirective = objectDirective({
  name: "@flatten",
  needs: 'a "separator" key',
  requires: ["separator"],
  compile(options, context) {
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
  },
});

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

/** The event keys the value under `@flatten` reads, as Segment lists them: those of `value`, once there is a `value`. */
export const flattenKeys: ValueKeys = { valueWhen: "value" };
