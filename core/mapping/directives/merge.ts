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
  const direction = context.compile(options.direction, "direction");
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
  // An index loop: an array without a prototype has no `map`.
  const sources: Resolver[] = [];
  for (let index = 0; index < objects.length; index++) {
    sources.push(context.compile(objects[index], "objects", String(index)));
  }
  return (data) => {
    const left = direction(data) === "left";
    const values = sources.map((source) => source(data));
    if (left) values.reverse();
    // Counted before copying: a string spreads into one key per character.
    let entries = 0;
    for (const value of values) {
      entries += typeof value === "string"
        ? value.length
        : typeof value === "object" && value !== null
        ? Object.keys(value).length
        : 0;
      context.size(entries);
    }
    context.work(entries);
    const merged: Record<string, unknown> = {};
    for (const value of values) assignOwn(merged, value);
    return merged;
  };
}
