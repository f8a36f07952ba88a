import type { ZodMiniType } from "zod/mini";
import { PayloadValidationError } from "../errors.ts";
import type { FieldIssue } from "../errors.ts";
import { collectRequirements, findMissingRequirements } from "./_conditions.ts";
import type { DependentRequirement } from "./_conditions.ts";
import { hasStandardSchema } from "./_standard_schema_check.ts";
import { compileObjectNode, normalizePayload } from "./_normalize.ts";
import type {
  NormalizeState,
  ObjectNode,
  ValidationWarning,
} from "./_normalize.ts";
import { formatPath } from "./_requirement_issues.ts";
import { buildMembersSchema } from "./_zod_schema.ts";
import { checkFieldDefinitions } from "./check_field_definitions.ts";
import { fieldsToJSONSchema } from "./fields_to_json_schema.ts";
import type { InputFields } from "./input_field.ts";
import type { JSONSchema } from "./kinds/mod.ts";

export type { ValidationWarning } from "./_normalize.ts";

/** What validating a payload returns: the clean payload and what was changed to get it. */
export interface ValidationResult {
  /** The payload, cleaned and coerced (the input itself when nothing changed). */
  payload: Record<string, unknown>;
  /** Every removal and coercion, with its path. */
  warnings: ValidationWarning[];
}

/** Options for {@linkcode compileFields}. */
export interface CompileFieldsOptions {
  /** Who owns the fields, named in definition errors, e.g. `destination "Acme", action "track"`. @default {undefined} */
  where?: string;
}

/** Fields compiled once: a validator to call per payload, and the JSON Schema. */
export interface CompiledFields {
  /** The fields as defined. */
  readonly fields: InputFields;
  /** The zod schema a clean payload satisfies (also a Standard Schema); dependent `required` is checked beside it. */
  readonly schema: ZodMiniType;
  /** The JSON Schema of the payload, for manifests and the UI. */
  readonly jsonSchema: JSONSchema;
  /**
   * Cleans, coerces and checks a payload; it never changes its argument.
   *
   * @throws {PayloadValidationError} Listing every failing path.
   */
  validate(payload: unknown): ValidationResult;
}

/**
 * Compiles fields once into a validator: values are cleaned and coerced as
 * Segment's actions-core does, each change is reported as a warning, and the
 * result is checked against zod schemas built from the fields.
 *
 * @param fields The fields, keyed by payload key.
 * @param options Where the fields come from, for error messages.
 * @throws {TypeError} When a field definition is wrong (see {@linkcode checkFieldDefinitions}).
 * @throws {RangeError} When a field's limits or format are out of range.
 *
 * @example
 * ```ts
 * import { compileFields } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileFields({ count: { label: "Count", type: "integer", required: true } });
 * const { payload, warnings } = compiled.validate({ count: "5" });
 * assert.deepEqual(payload, { count: 5 });
 * assert.deepEqual(warnings, [{ path: "count", message: 'coerced "5" to 5', kind: "coerced" }]);
 * ```
 */
export function compileFields(
  fields: InputFields,
  options: CompileFieldsOptions = {},
): CompiledFields {
  checkFieldDefinitions(fields, options.where);
  const plan: ValidationPlan = {
    fields,
    root: compileObjectNode(fields, false),
    requirements: collectRequirements(fields),
    hasStandardSchema: hasStandardSchema(fields),
  };
  return {
    fields,
    // Built on first use (the slow path or a caller reading it), so loading and compiling skip zod.
    get schema() {
      return schemaOf(plan);
    },
    jsonSchema: fieldsToJSONSchema(fields),
    validate: (payload) => validateWith(payload, plan),
  };
}

interface ValidationPlan {
  fields: InputFields;
  root: ObjectNode;
  /** The zod schema, once built by {@linkcode schemaOf}. */
  schema?: ZodMiniType;
  requirements: readonly DependentRequirement[];
  /** Whether a field has a `schema`, whose output only zod's run produces. */
  hasStandardSchema: boolean;
}

function validateWith(
  payload: unknown,
  plan: ValidationPlan,
): ValidationResult {
  const state: NormalizeState = { warnings: [], valid: true };
  if (plan.requirements.length > 0) state.received = {};
  const normalized = normalizePayload(payload, plan.root, state);
  const missing = state.received === undefined
    ? []
    : findMissingRequirements(plan.requirements, state.received, normalized);
  // The fast path: the normaliser's checks passed, so the zod schema accepts the payload as is.
  if (state.valid && missing.length === 0 && !plan.hasStandardSchema) {
    return {
      payload: normalized as Record<string, unknown>,
      warnings: state.warnings,
    };
  }
  const result = schemaOf(plan).safeParse(normalized);
  const issues: FieldIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
  issues.push(...missing);
  if (issues.length > 0) throw new PayloadValidationError(issues);
  return {
    payload: result.data as Record<string, unknown>,
    warnings: state.warnings,
  };
}

function schemaOf(plan: ValidationPlan): ZodMiniType {
  plan.schema ??= buildMembersSchema(plan.fields, false);
  return plan.schema;
}
