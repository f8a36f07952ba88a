import { isObject } from "../_real_type.ts";
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
    return failWith(
      '@transform requires an object with an "apply" key and a "mapping" key',
    );
  }
  const { apply, mapping } = options;
  if (!mapping) return failWith('@transform requires a "mapping" key');
  if (!apply) return failWith('@transform requires a "apply" key');
  if (!isObject(apply)) {
    return failWith('@transform "apply" key should be an object');
  }
  const applied = context.compileTransform(apply, "apply");
  const result = context.compile(mapping, "mapping");
  return (data) => result(applied(data));
}

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

/** `@transform`: `apply` runs as a mapping on the event, then `mapping` runs on that result. */
export const transformDirective: Directive = {
  name: "@transform",
  compile,
};
