import { DEFAULT_MAX_WORK } from "./_budget.ts";
import { checkMappingSize } from "./_budget.ts";
import {
  type CompiledMapping,
  type CompileMappingOptions,
  compileWith,
} from "./_compile.ts";
import { liquidDirective, liquidRule } from "./directives/liquid.ts";
import { standardDirectives, standardRules } from "./directives/standard.ts";
import { createMappingValidator } from "./mapping_validator.ts";

export type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";

/** Every directive of the mapping language, `@liquid` included. */
export const ALL_DIRECTIVES = [...standardDirectives, liquidDirective];

/** Segment's checks for every directive. */
export const VALIDATOR = createMappingValidator({
  ...standardRules,
  "@liquid": liquidRule,
});

/**
 * Validates `mapping` and compiles it once (paths split, templates
 * tokenised, Liquid parsed) into a {@linkcode CompiledMapping} whose
 * `resolve(event)` gives exactly what `transform(mapping, event)` gives,
 * with every directive (`@liquid` included; see `compileMappingWith` to
 * choose). The mapping is read, never changed. `options` sets the nesting
 * limit and the budgets of each resolve.
 *
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys of the mapping break rules (`errors` lists them).
 * @throws {MappingDepthError} When the mapping nests deeper than `maxDepth` or is cyclic.
 * @example
 * ```ts
 * import { compileMapping } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileMapping({
 *   email: { "@path": "$.traits.email" },
 *   greeting: { "@template": "Hi {{traits.name}}" },
 * });
 * const event = { traits: { email: "a@b.co", name: "Ada" } };
 * assert.deepEqual(compiled.resolve(event), { email: "a@b.co", greeting: "Hi Ada" });
 * ```
 */
export function compileMapping(
  mapping: unknown,
  options: CompileMappingOptions = {},
): CompiledMapping {
  // Here, not in the engine: bundles compile without Segment's checks and leave this out too.
  checkMappingSize(mapping, options.maxWork ?? DEFAULT_MAX_WORK);
  return compileWith(mapping, ALL_DIRECTIVES, {
    ...options,
    validator: VALIDATOR,
  });
}
