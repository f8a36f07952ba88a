import {
  type Directive,
  ownEmptyKey,
  rawValueRule,
  type Rule,
} from "./_types.ts";

/** `@literal`: the value as written; directives nested in it still resolve. */
export const literalDirective: Directive = {
  name: "@literal",
  compile(value, context) {
    return context.compile(value);
  },
};

/** Checks the value under `@literal` as Segment's validate does: a directive or JSON. */
export const literalRule: Rule = rawValueRule;

/** The event keys the value under `@literal` reads, as Segment lists them: its own "", filtered out. */
export const literalKeys: () => unknown[] = ownEmptyKey;
