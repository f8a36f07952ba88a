import { assignOwn } from "../_clean.ts";
import { isObject } from "../_real_type.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

/** `@merge`: `Object.assign` of `objects` in order; `direction: "left"` reverses the order. */
export function compileMerge(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!isObject(options)) {
    return failWith(
      '@merge requires an object with an "objects" key and a "direction" key',
    );
  }
  if (!options.direction) return failWith('@merge requires a "direction" key');
  const direction = context.compile(options.direction);
  const { objects } = options;
  if (!objects || !Array.isArray(objects)) {
    const message = objects
      ? `@merge: expected opts.array, got ${typeof objects}`
      : '@merge requires a "objects" key';
    return (data) => {
      direction(data);
      throw new Error(message);
    };
  }
  const sources = objects.map((item) => context.compile(item));
  return (data) => {
    const left = direction(data) === "left";
    const values = sources.map((source) => source(data));
    if (left) values.reverse();
    const merged: Record<string, unknown> = {};
    for (const value of values) assignOwn(merged, value);
    return merged;
  };
}
