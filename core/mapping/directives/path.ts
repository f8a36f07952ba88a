import { MappingResolveError } from "../mapping_resolve_error.ts";
import { readPath } from "../../_read_path.ts";
import { parsePath, stripRoot } from "../_path.ts";
import { realTypeOf } from "../_real_type.ts";
import {
  type Checker,
  type CompileContext,
  type Directive,
  type Resolver,
  type Stack,
} from "./_types.ts";

function compile(value: unknown, context: CompileContext): Resolver {
  if (typeof value === "string") {
    const segments = parsePath(stripRoot(value));
    return (data) => readPath(data, segments);
  }
  const path = context.compile(value);
  return (data) => {
    const resolved = path(data);
    if (typeof resolved !== "string") {
      throw new MappingResolveError(
        `@path: expected string, got ${realTypeOf(resolved)}`,
      );
    }
    return readPath(data, parsePath(stripRoot(resolved)));
  };
}

/** Checks the value under `@path` as Segment's validate does. */
export function pathRule(value: unknown, check: Checker, stack: Stack): void {
  check.stringOrDirective(value, stack);
}

/** The event keys the value under `@path` reads, as Segment lists them (`undefined`: none, try the next key). */
export function pathKeys(value: unknown): unknown[] {
  return [value];
}

/** `@path`: the value at a path of the event (`$.` removed once; `""`, `"."` and `"$."` are the root). */
export const pathDirective: Directive = {
  name: "@path",
  compile,
};
