import { compileWithTable } from "./_compile.ts";
import { validateProcessedMapping } from "./_validate.ts";
import type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";
import { compileLiquid } from "./directives/liquid.ts";
import { BASE_DIRECTIVES } from "./directives/mod.ts";

export type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";

const DIRECTIVES = { ...BASE_DIRECTIVES, "@liquid": compileLiquid };

/**
 * Validates `mapping` and compiles it once (paths split, templates
 * tokenised, Liquid parsed) into a {@linkcode CompiledMapping} whose
 * `resolve(event)` gives exactly what `transform(mapping, event)` gives.
 * The mapping is read, never changed.
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
  return compileWithTable(
    mapping,
    DIRECTIVES,
    options,
    validateProcessedMapping,
  );
}
