import { compileWithTable } from "./_compile.ts";
import type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";
import { validateProcessedMappingLean } from "./_validate_lean.ts";
import { compileLiquidUnavailable } from "./directives/liquid_unavailable.ts";
import { BASE_DIRECTIVES } from "./directives/mod.ts";

export type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";

const DIRECTIVES = /* @__PURE__ */ Object.assign({}, BASE_DIRECTIVES, {
  "@liquid": compileLiquidUnavailable,
});

/**
 * Compiles `mapping` like {@linkcode compileMappingWithoutLiquid} (no
 * liquidjs: `@liquid` fails to compile), with shorter validation messages:
 * the small mapping compiler of browser bundles. It accepts and rejects the
 * same mappings, throws the same error classes and resolves the same output;
 * a message names the mapping path at fault, without Segment's wording.
 *
 * @throws {Error} `Cannot compile @liquid: ...` when the mapping uses `@liquid`.
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys of the mapping break rules.
 * @throws {MappingDepthError} When the mapping nests deeper than `maxDepth`.
 * @example (runs once `core/mod.ts` re-exports `compileMappingLean`)
 * ```ts
 * import { compileMappingLean } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileMappingLean({ id: { "@path": "$.userId" } });
 * assert.deepEqual(compiled.resolve({ userId: "u1" }), { id: "u1" });
 * assert.throws(() => compileMappingLean({ id: { "@path": 1 } }), /\/id\/@path should be a string/);
 * ```
 */
export function compileMappingLean(
  mapping: unknown,
  options: CompileMappingOptions = {},
): CompiledMapping {
  return compileWithTable(
    mapping,
    DIRECTIVES,
    options,
    validateProcessedMappingLean,
  );
}
