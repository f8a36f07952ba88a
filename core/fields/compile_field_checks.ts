import { PayloadValidationError } from "../errors.ts";
import { checkPayload } from "./_check_payload.ts";
import { hasStandardSchema } from "./_standard_schema_check.ts";
import { collectRequirements, findMissingRequirements } from "./_conditions.ts";
import type { DependentRequirement } from "./_conditions.ts";
import { compileObjectNode, normalizePayload } from "./_normalize.ts";
import type { NormalizeState, ObjectNode } from "./_normalize.ts";
import type { ValidationResult } from "./compile_fields.ts";
import type { InputFields } from "./input_field.ts";

/** Fields compiled once into a validator without zod: what device-mode bundles carry. */
export interface CompiledFieldChecks {
  /** The fields as defined. */
  readonly fields: InputFields;
  /**
   * Cleans, coerces and checks a payload as {@linkcode compileFields}'s
   * validator does (same decision, payload and warnings); it never changes
   * its argument.
   *
   * @throws {PayloadValidationError} Listing every failing path.
   */
  validate(payload: unknown): ValidationResult;
}

/**
 * Compiles fields once into a validator that decides as
 * {@linkcode compileFields} does, with hand-written checks in place of zod
 * schemas and without definition checks or JSON Schema: the small validator
 * of browser bundles. Check definitions beforehand (at build time) with
 * {@linkcode checkFieldDefinitions}.
 *
 * @param fields The fields, keyed by payload key.
 * @throws {TypeError} When a field's `type` is unknown.
 *
 * @example
 * ```ts
 * import { compileFieldChecks } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const checks = compileFieldChecks({ count: { label: "Count", type: "integer", required: true } });
 * const { payload, warnings } = checks.validate({ count: "5" });
 * assert.deepEqual(payload, { count: 5 });
 * assert.deepEqual(warnings, [{ path: "count", message: 'coerced "5" to 5', kind: "coerced" }]);
 * assert.throws(() => checks.validate({ count: 1.5 }), /count: must be an integer, received 1.5/);
 * ```
 */
export function compileFieldChecks(fields: InputFields): CompiledFieldChecks {
  const plan: CheckPlan = {
    root: compileObjectNode(fields, false),
    requirements: collectRequirements(fields),
    hasStandardSchema: hasStandardSchema(fields),
  };
  return { fields, validate: (payload) => validateWith(payload, plan) };
}

interface CheckPlan {
  root: ObjectNode;
  requirements: readonly DependentRequirement[];
  /** Whether a field has a `schema`, whose output replaces the value. */
  hasStandardSchema: boolean;
}

function validateWith(payload: unknown, plan: CheckPlan): ValidationResult {
  const state: NormalizeState = { warnings: [], valid: true };
  if (plan.requirements.length > 0) state.received = {};
  const normalized = normalizePayload(payload, plan.root, state);
  const missing = state.received === undefined
    ? []
    : findMissingRequirements(plan.requirements, state.received, normalized);
  if (state.valid && missing.length === 0 && !plan.hasStandardSchema) {
    return {
      payload: normalized as Record<string, unknown>,
      warnings: state.warnings,
    };
  }
  const checked = checkPayload(normalized, plan.root);
  const issues = [...checked.issues, ...missing];
  if (issues.length > 0) throw new PayloadValidationError(issues);
  return {
    payload: checked.payload as Record<string, unknown>,
    warnings: state.warnings,
  };
}
