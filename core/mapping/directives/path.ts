import { parsePath, readPath, stripRoot } from "../../_path.ts";
import type { Checker, Directive, Stack } from "./_types.ts";
import { compileString } from "./_types.ts";

/** `@path`: the value at a path of the event (`$.` removed once; `""`, `"."` and `"$."` are the root). */
export const pathDirective: Directive = {
  name: "@path",
  compile(value, context) {
    if (typeof value === "string") {
      const segments = parsePath(stripRoot(value));
      return (data) => readPath(data, segments);
    }
    const path = compileString("@path", value, context);
    return (data) => readPath(data, parsePath(stripRoot(path(data))));
  },
};

/** Checks the value under `@path` as Segment's validate does. */
export function pathRule(value: unknown, check: Checker, stack: Stack): void {
  check.stringOrDirective(value, stack);
}

/** The event keys the value under `@path` reads, as Segment lists them (`undefined`: none, try the next key). */
export function pathKeys(value: unknown): unknown[] {
  return [value];
}
