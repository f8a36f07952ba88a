import { hasOption } from "../_real_type.ts";
import { converted } from "../_text.ts";
import type { Checker, Stack } from "./_types.ts";
import { failWith, objectDirective } from "./_types.ts";

/** `@if`: `exists` (not undefined or null) or `blank` (also not loosely `""`) chooses `then` or `else`. */
export const ifDirective = objectDirective({
  name: "@if",
  needs: 'an "exists" key',
  requires: [],
  compile(options, context) {
    const { exists, blank, then, else: otherwise } = options;
    if (!exists && !blank) {
      return failWith('@if requires an "exists" key or a "blank" key');
    }
    const thenValue = then === undefined
      ? undefined
      : context.compile(then, "then");
    // A falsy `else` is never resolved: the key is dropped.
    const elseValue = otherwise
      ? context.compile(otherwise, "else")
      : undefined;
    const useExists = exists !== undefined;
    const condition = useExists
      ? context.compile(exists, "exists")
      : context.compile(blank, "blank");
    const { place } = context;
    return (data) => {
      const value = condition(data);
      const holds = value !== undefined && value !== null &&
        (useExists ||
          // deno-lint-ignore eqeqeq
          converted(() => value != "", place, 'compare a value with ""'));
      if (holds) return thenValue?.(data);
      return elseValue?.(data);
    };
  },
});

/** Checks the value under `@if` as Segment's validate does. */
export function ifRule(value: unknown, check: Checker, stack: Stack): void {
  const { raw } = check;
  check.fields(value, { exists: [raw], then: [raw], else: [raw] }, stack);
}

/** The event keys the value under `@if` reads, as Segment lists them (`undefined`: none, try the next key). */
export function ifKeys(
  value: unknown,
  read: (value: unknown) => unknown[],
): unknown[] | undefined {
  if (!hasOption(value, "exists") && !hasOption(value, "blank")) return;
  const options = value as Record<string, unknown>;
  return ["blank", "exists", "then", "else"].flatMap((key) =>
    read(options[key])
  );
}
