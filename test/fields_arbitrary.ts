import fc from "fast-check";
import type { InputFields } from "@destkit/core";
import { fixturePayload } from "./_fixture_payload.ts";

/** Options for {@linkcode fieldsArbitrary}. */
export interface FieldsArbitraryOptions {
  /** Whether only required fields get a value. @default {false} */
  requiredOnly?: boolean;
}

/**
 * Returns a fast-check arbitrary of valid payloads for `fields`, for property
 * tests: the values {@linkcode generateTestData} would make, each random choice
 * drawn by fast-check (so shrinking leads to the smallest choices, and the
 * bounds of `minimum`/`maximum` and lengths come up often).
 *
 * @throws {TypeError} when a field has an unknown type.
 *
 * @example
 * ```ts
 * import { fieldsArbitrary } from "@destkit/test";
 * import { validatePayload } from "@destkit/core";
 * import fc from "fast-check";
 *
 * const fields = { count: { label: "Count", type: "integer", minimum: 1, maximum: 5, required: true } } as const;
 * fc.assert(fc.property(fieldsArbitrary(fields), (payload) => {
 *   validatePayload(fields, payload);
 * }), { numRuns: 50 });
 * ```
 */
export function fieldsArbitrary(
  fields: InputFields,
  options: FieldsArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const { requiredOnly = false } = options;
  return fc.gen().map((draw) => {
    const random = () => draw(fc.double, UNIT);
    return fixturePayload(fields, () => random, requiredOnly);
  });
}

// A number in [0, 1), as `Math.random()` returns.
const UNIT = { min: 0, max: 1, maxExcluded: true, noNaN: true };
