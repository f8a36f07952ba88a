import { MappingResolveError } from "../mapping_resolve_error.ts";
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
    return failWith('@case requires an object with a "operator" key');
  }
  const { operator, value } = options;
  if (!operator) return failWith('@case requires a "operator" key');
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
}

/** Checks the value under `@case` as Segment's validate does. */
export function caseRule(value: unknown, check: Checker, stack: Stack): void {
  check.fields(value, {
    operator: [check.string],
    value: [check.stringOrDirective],
  }, stack);
}

/** The event keys the value under `@case` reads, as Segment lists them (`undefined`: none, try the next key). */
export function caseKeys(
  value: unknown,
  read: (value: unknown) => unknown[],
): unknown[] | undefined {
  if (hasOption(value, "operator")) {
    return read((value as Record<string, unknown>).value);
  }
}

/** `@case`: `operator` "lower" or "upper" applied to a string `value`; other values pass through. */
export const caseDirective: Directive = {
  name: "@case",
  compile,
};
