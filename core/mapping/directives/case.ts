import { MappingResolveError } from "../mapping_resolve_error.ts";
import type { Checker, Stack, ValueKeys } from "./_types.ts";
import { objectDirective } from "./_types.ts";

/** `@case`: `operator` "lower" or "upper" applied to a string `value`; other values pass through. */
export const caseDirective = objectDirective({
  name: "@case",
  needs: 'a "operator" key',
  requires: ["operator"],
  compile({ operator, value }, context) {
    if (!value) return () => undefined;
    const input = context.compile(value, "value");
    return (data) => {
      const resolved = input(data);
      if (typeof resolved !== "string") return resolved;
      if (operator !== "lower" && operator !== "upper") {
        throw new MappingResolveError(
          'operator key should have a value of "lower" or "upper"',
        );
      }
      // A few characters grow when their case changes ("ß" becomes "SS"), at most threefold.
      context.size(resolved.length);
      context.write(resolved.length);
      return operator === "lower"
        ? resolved.toLowerCase()
        : resolved.toUpperCase();
    };
  },
});

/** Checks the value under `@case` as Segment's validate does. */
export function caseRule(value: unknown, check: Checker, stack: Stack): void {
  check.fields(value, {
    operator: [check.string],
    value: [check.stringOrDirective],
  }, stack);
}

/** The event keys the value under `@case` reads, as Segment lists them: those of `value`, once there is an `operator`. */
export const caseKeys: ValueKeys = { valueWhen: "operator" };
