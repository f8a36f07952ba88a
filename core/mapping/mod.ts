/**
 * The mapping language of Segment's Actions framework, with the same results
 * and errors for every mapping and event (quirks included): `@path`,
 * `@template`, `@literal`, `@if`, `@case`, `@replace`, `@arrayPath`, `@json`,
 * `@flatten`, `@merge`, `@transform`, `@excludeWhenNull`, `@liquid` and the
 * root directive `__segment_internal_directive`. A mapping is validated and
 * compiled once, then resolved cheaply per event.
 *
 * ```ts
 * import { compileMapping } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileMapping({ id: { "@path": "$.userId" } });
 * assert.deepEqual(compiled.resolve({ userId: "u1" }), { id: "u1" });
 * ```
 *
 * @module
 */
export { compileMapping } from "./compile_mapping.ts";
export type {
  CompiledMapping,
  CompileMappingOptions,
  CompileMappingWithOptions,
} from "./compile_mapping_with.ts";
export type { MappingValidator } from "./mapping_validator.ts";
export { compileMappingWith } from "./compile_mapping_with.ts";
export { createMappingValidator } from "./mapping_validator.ts";
export {
  liquidDirective,
  liquidRule,
  standardDirectives,
  standardRules,
} from "./directives/mod.ts";
export type { Directive, Rule } from "./directives/mod.ts";
export { transform, transformBatch } from "./transform.ts";
export { validateMapping } from "./validate_mapping.ts";
export type { ValidateMappingOptions } from "./validate_mapping.ts";
export { getFieldValueKeys, getTemplateKeys } from "./value_keys.ts";
export { ValidationError } from "./validation_error.ts";
export { MappingDepthError } from "./mapping_depth_error.ts";
export { MappingBudgetError } from "./mapping_budget_error.ts";
export { MappingResolveError } from "./mapping_resolve_error.ts";
export { MappingValueError } from "./mapping_value_error.ts";
