/**
 * Field definitions in Segment's format: payload types inferred from the
 * definitions (no codegen), validation that cleans and coerces exactly as
 * Segment's runtime and reports every change, and JSON Schema export.
 *
 * ```ts
 * import { validatePayload } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const fields = { price: { label: "Price", type: "number", required: true } } as const;
 * assert.deepEqual(validatePayload(fields, { price: "9.5" }).payload, { price: 9.5 });
 * ```
 *
 * @module
 */
export { checkFieldDefinitions } from "./check_field_definitions.ts";
export { defineFields } from "./define_fields.ts";
export { compileFieldChecks } from "./compile_field_checks.ts";
export type { CompiledFieldChecks } from "./compile_field_checks.ts";
export { compileFields } from "./compile_fields.ts";
export type {
  CompiledFields,
  CompileFieldsOptions,
  ValidationResult,
  ValidationWarning,
} from "./compile_fields.ts";
export { fieldsToJSONSchema } from "./fields_to_json_schema.ts";
export type { InferField, InferFields } from "./infer.ts";
export type {
  FieldChoice,
  FieldCondition,
  FieldConditions,
  FieldFormat,
  FieldType,
  InputField,
  InputFields,
} from "./input_field.ts";
export { fieldKinds, getFieldKind } from "./kinds/mod.ts";
export type {
  FieldConstraint,
  FieldFixtureHint,
  FieldKind,
  JSONSchema,
  KindSchemaContext,
} from "./kinds/mod.ts";
export { getCompiledFields, validatePayload } from "./validate_payload.ts";
export type { StandardSchemaV1 } from "./_standard_schema.ts";
