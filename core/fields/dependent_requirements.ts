import { collectRequirements, findMissingRequirements } from "./_conditions.ts";
import type { FieldIssue } from "../errors.ts";
import type { InputFields } from "./input_field.ts";

/**
 * Returns an issue for each field required by conditions that hold but
 * missing: `received` holds the top-level values after empty values are
 * removed and before coercion, `normalized` the payload validated.
 */
export type FindMissingRequirements = (
  received: Record<string, unknown>,
  normalized: unknown,
) => FieldIssue[];

/** How a validator evaluates dependent `required` (`required: { conditions }`). */
export interface DependentRequirements {
  /**
   * Compiles every dependent `required` of a set of fields, members included:
   * `undefined` when there is none.
   */
  compile(fields: InputFields): FindMissingRequirements | undefined;
}

/**
 * Dependent `required`: give it to `compileFieldChecks` (option
 * `requirements`) when a field is required by conditions. As in Segment,
 * conditions read the values received (empty values removed, not coerced).
 */
export const dependentRequirements: DependentRequirements = {
  compile(fields) {
    const requirements = collectRequirements(fields);
    return requirements.length === 0
      ? undefined
      : (received, normalized) =>
        findMissingRequirements(requirements, received, normalized);
  },
};
