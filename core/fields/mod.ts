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
export { allFieldChecks } from "./all_field_checks.ts";
export {
  checkFieldDefinitions,
  findFieldDefinitionIssues,
} from "./check_field_definitions.ts";
export type { FieldDefinitionIssue } from "./check_field_definitions.ts";
export { defineFields } from "./define_fields.ts";
export { compileFieldChecks } from "./compile_field_checks.ts";
export type {
  CompiledFieldChecks,
  CompileFieldChecksOptions,
  StandardSchemaRunner,
  ValidationResult,
  ValidationWarning,
} from "./compile_field_checks.ts";
export { compileFields } from "./compile_fields.ts";
export type { CompiledFields, CompileFieldsOptions } from "./compile_fields.ts";
export { dependentRequirements } from "./dependent_requirements.ts";
export type {
  DependentRequirements,
  FindMissingRequirements,
} from "./dependent_requirements.ts";
export { fieldsToJSONSchema } from "./fields_to_json_schema.ts";
export { FORMAT_CHECKS } from "./format_checks.ts";
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
export {
  booleanKind,
  datetimeKind,
  fieldKinds,
  getFieldKind,
  integerKind,
  kindFixture,
  numberKind,
  objectKind,
  passwordKind,
  stringKind,
  textKind,
} from "./kinds/mod.ts";
export type {
  FieldConstraint,
  FieldDialect,
  FieldFixtureHint,
  FieldKind,
  FormatChecks,
  JSONSchema,
  KindCheckContext,
  ValueCheck,
} from "./kinds/field_kind.ts";
export { segmentDialect } from "./segment_dialect.ts";
export { runStandardSchema } from "./standard_schema_runner.ts";
export { getCompiledFields, validatePayload } from "./validate_payload.ts";
export type { StandardSchemaV1 } from "./_standard_schema.ts";
