import { compileWithTable } from "./_compile.ts";
import { validateProcessedMapping } from "./_validate.ts";
import type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";
import { compileLiquidUnavailable } from "./directives/liquid_unavailable.ts";
import { BASE_DIRECTIVES } from "./directives/mod.ts";

export type { CompiledMapping, CompileMappingOptions } from "./_compile.ts";

const DIRECTIVES = { ...BASE_DIRECTIVES, "@liquid": compileLiquidUnavailable };

/**
 * Compiles `mapping` like `compileMapping`, without liquidjs: for browser
 * bundles. A mapping that uses `@liquid` fails to compile. Import it from
 * `core/mapping/compile_without_liquid.ts` so that the bundle does not reach
 * liquidjs.
 *
 * @throws {Error} `Cannot compile @liquid: ...` when the mapping uses `@liquid`.
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys of the mapping break rules.
 * @example
 * ```ts
 * import { compileMappingWithoutLiquid } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileMappingWithoutLiquid({ id: { "@path": "$.userId" } });
 * assert.deepEqual(compiled.resolve({ userId: "u1" }), { id: "u1" });
 * assert.throws(() => compileMappingWithoutLiquid({ x: { "@liquid": "{{ a }}" } }), /liquidjs/);
 * ```
 */
export function compileMappingWithoutLiquid(
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
