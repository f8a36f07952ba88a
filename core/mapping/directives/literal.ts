import type { Checker, Directive, Stack } from "./_types.ts";

/** `@literal`: the value as written; directives nested in it still resolve. */
export const literalDirective: Directive = {
  name: "@literal",
  compile(value, context) {
    return context.compile(value);
  },
};

/** Checks the value under `@literal` as Segment's validate does. */
export function literalRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.raw(value, stack);
}

// Segment lists the literal's own "key" as "", which is filtered out.
/** The event keys the value under `@literal` reads, as Segment lists them (`undefined`: none, try the next key). */
export function literalKeys(): unknown[] {
  return [""];
}
