import { parsePath, readPath, stripRoot } from "../../_path.ts";
import { isObject, realTypeOf } from "../_real_type.ts";
import type { Checker, Directive, Resolver, Stack } from "./_types.ts";
import { failWith } from "./_types.ts";

/** `@arrayPath`: `[path, shape?]`; each item (a single object counts as one) is mapped through `shape`. */
export const arrayPathDirective: Directive = {
  name: "@arrayPath",
  compile(options, context) {
    if (!Array.isArray(options)) {
      return failWith(`@arrayPath expected array, got ${realTypeOf(options)}`);
    }
    // Indexes, not destructuring: an array without a prototype has no iterator.
    const path: unknown = options[0];
    const shape: unknown = options[1];
    let root: Resolver;
    if (typeof path === "string") {
      const segments = parsePath(stripRoot(path));
      root = (data) => readPath(data, segments);
    } else {
      root = context.compile(path, "0");
    }
    if (!isObject(shape) || Object.keys(shape).length === 0) return root;
    const item = context.compile(shape, "1");
    return (data) => {
      const value = root(data);
      if (Array.isArray(value)) {
        const { length } = value;
        context.work(length);
        const items = new Array(length);
        for (let index = 0; index < length; index++) {
          items[index] = item(value[index]);
        }
        return items;
      }
      if (isObject(value)) return [item(value)];
      return value;
    };
  },
};

/** Checks the value under `@arrayPath` as Segment's validate does. */
export function arrayPathRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.array(value, stack);
  const items = value as unknown[];
  check.stringOrDirective(items[0], stack);
  check.any(items[1], stack);
}

/** The event keys the value under `@arrayPath` reads, as Segment lists them (`undefined`: none, try the next key). */
export function arrayPathKeys(
  value: unknown,
  read: (value: unknown) => unknown[],
): unknown[] | undefined {
  if (Array.isArray(value)) return value.flatMap((item) => read(item));
}
