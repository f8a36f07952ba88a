import { collectRequirements, findMissingRequirements } from "./_conditions.ts";
import type { DependentRequirement } from "./_conditions.ts";
import type { FieldIssue } from "../errors.ts";
import type { InputFields } from "./input_field.ts";

/** How a validator evaluates dependent `required` (`required: { conditions }`). */
export interface DependentRequirements {
  /** Collects every dependent `required` of a set of fields, members included. */
  collect(fields: InputFields): readonly DependentRequirement[];
  /** Returns an issue for each field required by conditions that hold but missing. */
  findMissing(
    requirements: readonly DependentRequirement[],
    received: Record<string, unknown>,
    normalized: unknown,
  ): FieldIssue[];
}

/**
 * Dependent `required`: give it to `compileFieldChecks` (option
 * `requirements`) when a field is required by conditions. As in Segment,
 * conditions read the values received (empty values removed, not coerced).
 */
export const dependentRequirements: DependentRequirements = {
  collect: (fields) => collectRequirements(fields),
  findMissing: findMissingRequirements,
};
