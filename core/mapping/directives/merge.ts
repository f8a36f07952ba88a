import { MappingResolveError } from "../mapping_resolve_error.ts";
import { assignOwn } from "../_clean.ts";
import type { Checker, Resolver, Stack } from "./_types.ts";
import { objectDirective } from "./_types.ts";

/** `@merge`: `Object.assign` of `objects` in order; `direction: "left"` reverses the order. */
export const mergeDirective = objectDirective({
  name: "@merge",
  needs: 'an "objects" key and a "direction" key',
  requires: ["direction"],
  compile(options, context) {
    const direction = context.compile(options.direction, "direction");
    const { objects } = options;
    if (!objects || !Array.isArray(objects)) {
      const message = objects
        ? `@merge: expected opts.array, got ${typeof objects}`
        : '@merge requires a "objects" key';
      return (data) => {
        direction(data);
        throw new MappingResolveError(message);
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
      const merged: Record<string, unknown> = {};
      for (const value of values) {
        // Counted before copying: a string spreads into one key per character.
        context.work(
          typeof value === "string"
            ? value.length
            : Object.keys(Object(value)).length,
        );
        assignOwn(merged, value);
      }
      return merged;
    };
  },
});

/** Checks the value under `@merge` as Segment's validate does. */
export function mergeRule(value: unknown, check: Checker, stack: Stack): void {
  check.fields(value, {
    direction: [check.oneOf("left", "right")],
    objects: [check.array, true],
  }, stack);
  // Segment checks each object from an empty path, so these messages start with "/ ".
  const { objects } = value as { objects: unknown[] };
  for (let index = 0; index < objects.length; index++) {
    check.objectOrDirective(objects[index], []);
  }
}
