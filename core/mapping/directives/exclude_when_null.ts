import { cleanNulls } from "../_clean.ts";
import type { Checker, Directive, Stack } from "./_types.ts";

/** `@excludeWhenNull`: null drops the key; null values in nested objects (not arrays) are removed. */
export const excludeWhenNullDirective: Directive = {
  name: "@excludeWhenNull",
  compile(value, context) {
    const input = context.compile(value);
    const { maxDepth } = context;
    return (data) => {
      const resolved = input(data);
      return resolved === null
        ? undefined
        : cleanNulls(resolved, maxDepth, context);
    };
  },
};

/** Checks the value under `@excludeWhenNull` as Segment's validate does. */
export function excludeWhenNullRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.raw(value, stack);
}

// Segment lists the directive's own "key" as "", which is filtered out.
/** The event keys the value under `@excludeWhenNull` reads, as Segment lists them (`undefined`: none, try the next key). */
export function excludeWhenNullKeys(): unknown[] {
  return [""];
}
