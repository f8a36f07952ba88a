import { isObject } from "../_real_type.ts";
import type { Checker, Stack } from "./_types.ts";
import { failWith, objectDirective } from "./_types.ts";

/** `@transform`: `apply` runs as a mapping on the event, then `mapping` runs on that result. */
export const transformDirective = objectDirective({
  name: "@transform",
  needs: 'an "apply" key and a "mapping" key',
  requires: ["mapping", "apply"],
  compile({ apply, mapping }, context) {
    if (!isObject(apply)) {
      return failWith('@transform "apply" key should be an object');
    }
    const applied = context.compileTransform(apply, "apply");
    const result = context.compile(mapping, "mapping");
    return (data) => result(applied(data));
  },
});

/** Checks the value under `@transform` as Segment's validate does. */
export function transformRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  const { objectOrDirective } = check;
  check.fields(value, {
    apply: [objectOrDirective, true],
    mapping: [objectOrDirective, true],
  }, stack);
}
