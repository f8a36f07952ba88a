import type { ZodMiniType } from "zod/mini";
import { toZodSchema } from "./_zod_schema.ts";
import { allFieldChecks } from "./all_field_checks.ts";
import { checkFieldDefinitions } from "./check_field_definitions.ts";
import { compileFieldChecks } from "./compile_field_checks.ts";
import type { ValidationResult } from "./compile_field_checks.ts";
import { fieldsToJSONSchema } from "./fields_to_json_schema.ts";
import type { InputFields } from "./input_field.ts";
import type { FieldDialect, JSONSchema } from "./kinds/field_kind.ts";

export type {
  ValidationResult,
  ValidationWarning,
} from "./compile_field_checks.ts";

/** Options for {@linkcode compileFields}. */
export interface CompileFieldsOptions {
  /** Who owns the fields, named in definition errors, e.g. `destination "Acme", action "track"`. @default {undefined} */
  where?: string;
  /** Whose rules validation follows (see {@linkcode CompileFieldChecksOptions}). @default {"native"} */
  dialect?: FieldDialect;
}

/** Fields compiled once: a validator to call per payload, and the JSON Schema. */
export interface CompiledFields {
  /** The fields as defined. */
  readonly fields: InputFields;
  /** The validator as a zod schema (also a Standard Schema), whose output is the clean payload. */
  readonly schema: ZodMiniType<Record<string, unknown>>;
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
 * Segment's actions-core does, each change is reported as a warning, and each
 * value is checked by its field's kind ({@linkcode compileFieldChecks} with
 * every kind, format and feature), after the definitions are checked.
 *
 * @param fields The fields, keyed by payload key.
 * @param options Where the fields come from, for error messages.
 * @throws {TypeError} When a field definition is wrong (see {@linkcode checkFieldDefinitions}).
 * @throws {RangeError} When a field's limits or format are out of range.
 *
 * @example
 * ```ts
 * import { compileFields } from "@destkit/core/engine";
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
  const { where, dialect } = options;
  checkFieldDefinitions(fields, where);
  const { validate } = compileFieldChecks(fields, {
    ...allFieldChecks,
    dialect,
  });
  let schema: ZodMiniType<Record<string, unknown>> | undefined;
  let jsonSchema: JSONSchema | undefined;
  return {
    fields,
    // Both built on first use: compiling skips zod, and validation needs neither.
    get schema() {
      schema ??= toZodSchema(validate);
      return schema;
    },
    get jsonSchema() {
      jsonSchema ??= fieldsToJSONSchema(fields);
      return jsonSchema;
    },
    validate,
  };
}
