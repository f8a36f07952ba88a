import { cleanNulls } from "../_clean.ts";
import {
  type Directive,
  ownEmptyKey,
  rawValueRule,
  type Rule,
} from "./_types.ts";

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

/** Checks the value under `@excludeWhenNull` as Segment's validate does: a directive or JSON. */
export const excludeWhenNullRule: Rule = rawValueRule;

/** The event keys the value under `@excludeWhenNull` reads, as Segment lists them: its own "", filtered out. */
export const excludeWhenNullKeys: () => unknown[] = ownEmptyKey;
