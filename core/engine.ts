/**
 * `@destkit/core/engine`: the parts a runtime other than `createDestination`
 * assembles its validators and mapping compilers from. `@destkit/browser` and
 * the entries `deno task bundle` writes use them so that a bundle carries only
 * the field kinds, formats and directives its destination needs: each part is
 * an ordinary import, tree-shaken by esbuild.
 *
 * ```ts
 * import { compileFieldChecks, stringKind } from "@destkit/core/engine";
 * import assert from "node:assert/strict";
 *
 * const checks = compileFieldChecks(
 *   { name: { label: "Name", type: "string", required: true } },
 *   { kinds: { string: stringKind } },
 * );
 * assert.deepEqual(checks.validate({ name: "Ada" }).payload, { name: "Ada" });
 * ```
 *
 * @module
 */

export {
  allFieldChecks,
  booleanKind,
  compileFieldChecks,
  compileFields,
  datetimeKind,
  dependentRequirements,
  fieldKinds,
  FORMAT_CHECKS,
  getCompiledFields,
  integerKind,
  numberKind,
  objectKind,
  passwordKind,
  runStandardSchema,
  segmentDialect,
  stringKind,
  textKind,
} from "./fields/mod.ts";
export type {
  CompiledFieldChecks,
  CompiledFields,
  CompileFieldChecksOptions,
  CompileFieldsOptions,
  DependentRequirements,
  FieldDialect,
  FieldKind,
  FindMissingRequirements,
  FormatChecks,
  KindCheckContext,
  StandardSchemaRunner,
  ValueCheck,
} from "./fields/mod.ts";
export {
  compileMappingWith,
  createMappingValidator,
  liquidDirective,
  liquidRule,
  standardDirectives,
  standardRules,
} from "./mapping/mod.ts";
export type {
  CompileMappingWithOptions,
  Directive,
  MappingValidator,
  Rule,
} from "./mapping/mod.ts";
