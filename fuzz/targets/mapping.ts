// Mappings (all 13 directives, nested, hostile) resolved against hostile events.
import fc from "fast-check";
import { transform, validateMapping } from "@destkit/core";
import { mappingArbitrary } from "../_mappings.ts";
import { hostileEvent } from "../_values.ts";
import { classifyThrown, OK, type Outcome, untyped } from "../_outcome.ts";
import type { SizeLimits, Target } from "./_target.ts";

/** The mapping language: `validateMapping` then `transform`. */
export const mappingTarget: Target = {
  name: "mapping",
  arbitrary(limits: SizeLimits) {
    return fc.record({
      mapping: mappingArbitrary(limits),
      event: hostileEvent(limits),
    });
  },
  run(input: unknown): Promise<Outcome> {
    const { mapping, event } = input as { mapping: unknown; event: unknown };
    return Promise.resolve(resolve(mapping, event));
  },
};

function resolve(mapping: unknown, event: unknown): Outcome {
  let valid = true;
  try {
    validateMapping(mapping);
  } catch (error) {
    const outcome = classifyThrown(error, "validateMapping()");
    if (outcome.kind === "untyped") return outcome;
    valid = false;
  }
  let result: unknown;
  try {
    result = transform(mapping, event);
  } catch (error) {
    // Hosts may resolve a mapping they never validated; the tag helps to triage.
    return classifyThrown(
      error,
      valid
        ? "transform()"
        : "transform() of a mapping validateMapping rejects",
    );
  }
  const plainObject = typeof mapping === "object" && mapping !== null &&
    !Array.isArray(mapping) &&
    !Object.keys(mapping).some((name) => name.startsWith("@"));
  // A mapping whose root is a directive or a literal may resolve to anything, as in Segment.
  if (
    plainObject &&
    (typeof result !== "object" || result === null || Array.isArray(result))
  ) {
    return untyped(`transform() returned ${typeOf(result)}, not an object`);
  }
  return OK;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
