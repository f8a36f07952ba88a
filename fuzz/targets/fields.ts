// Field definitions compiled, then hostile payloads validated against them.
import { type InputFields } from "@destkit/core";
import { getCompiledFields } from "@destkit/core/engine";
import { fieldsArbitrary, payloadArbitrary } from "../_fields.ts";
import {
  classifyThrown,
  describe,
  OK,
  type Outcome,
  TYPED,
  untyped,
} from "../_outcome.ts";
import type { SizeLimits, Target } from "./_target.ts";

/** Field validation: `getCompiledFields` then `validate`. */
export const fieldsTarget: Target = {
  name: "fields",
  arbitrary(limits: SizeLimits) {
    return fieldsArbitrary().chain((fields) =>
      payloadArbitrary(fields, {
        ...limits,
        maxNest: Math.min(limits.maxNest, 1_000),
      })
        .map((payload) => ({ fields, payload }))
    );
  },
  run(input: unknown): Promise<Outcome> {
    const { fields, payload } = input as {
      fields: InputFields;
      payload: unknown;
    };
    return Promise.resolve(validate(fields, payload));
  },
};

function validate(fields: InputFields, payload: unknown): Outcome {
  let compiled;
  try {
    compiled = getCompiledFields(fields);
  } catch (error) {
    // A definition mistake is reported at definition time with a TypeError or RangeError.
    if (error instanceof TypeError || error instanceof RangeError) return TYPED;
    return classifyThrown(error, "getCompiledFields()");
  }
  let result;
  try {
    result = compiled.validate(payload);
  } catch (error) {
    return classifyThrown(error, "validate()");
  }
  if (
    typeof result?.payload !== "object" || result.payload === null ||
    !Array.isArray(result.warnings)
  ) {
    return untyped(`validate() returned ${describe(result)}`);
  }
  return OK;
}
