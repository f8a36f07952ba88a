import {
  checkBatchData,
  checkData,
  type CompiledMapping,
  type CompileMappingOptions,
} from "./_compile.ts";
import { compileMapping } from "./compile_mapping.ts";

// Mappings are stored data that callers do not mutate; a changed mapping object must be compiled again
// (pass a new object or use compileMapping). Each mapping keeps one compiled form per set of options.
const compiledMappings = new WeakMap<object, Map<string, CompiledMapping>>();

function compiledFor(
  mapping: unknown,
  options: CompileMappingOptions,
): CompiledMapping {
  if (typeof mapping !== "object" || mapping === null) {
    return compileMapping(mapping, options);
  }
  const { maxDepth, maxOutputSize, maxWork } = options;
  const key = `${maxDepth}/${maxOutputSize}/${maxWork}`;
  let byOptions = compiledMappings.get(mapping);
  if (byOptions === undefined) {
    byOptions = new Map();
    compiledMappings.set(mapping, byOptions);
  }
  let compiled = byOptions.get(key);
  if (compiled === undefined) {
    compiled = compileMapping(mapping, options);
    byOptions.set(key, compiled);
  }
  return compiled;
}

/**
 * Resolves `mapping` against the event `data`, exactly as Segment's
 * `transform`: directives are replaced by their values, keys whose value is
 * `undefined` are removed. The compiled mapping is cached by the mapping
 * object, so do not mutate a mapping between calls (compile a new object).
 * `options` sets the nesting limit and the budgets (see
 * {@linkcode CompileMappingOptions}).
 *
 * @throws {Error} `data must be an object, got ...` when `data` is not an object, or what a directive throws.
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys of the mapping break rules.
 * @throws {MappingDepthError} When the mapping or a value it copies nests too deeply or is cyclic.
 * @throws {MappingBudgetError} When a directive's output or the work exceeds its budget.
 * @throws {MappingValueError} When a value of the event cannot be used as a directive needs it.
 * @example
 * ```ts
 * import { transform } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const mapping = {
 *   email: { "@path": "$.traits.email" },
 *   plan: { "@if": { exists: { "@path": "$.traits.plan" }, then: { "@path": "$.traits.plan" }, else: "free" } },
 * };
 * assert.deepEqual(transform(mapping, { traits: { email: "a@b.co" } }), { email: "a@b.co", plan: "free" });
 * ```
 */
export function transform(
  mapping: unknown,
  data?: unknown,
  options: CompileMappingOptions = {},
): Record<string, unknown> {
  checkData(data);
  return compiledFor(mapping, options).resolve(data);
}

/**
 * Resolves `mapping` against each event of `data`, as Segment's
 * `transformBatch` (the events themselves are not type-checked).
 *
 * @throws {Error} `data must be an array, got ...` when `data` is not an array.
 * @example
 * ```ts
 * import { transformBatch } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const mapping = { id: { "@path": "$.userId" } };
 * assert.deepEqual(transformBatch(mapping, [{ userId: "a" }, {}]), [{ id: "a" }, {}]);
 * ```
 */
export function transformBatch(
  mapping: unknown,
  data?: unknown[],
  options: CompileMappingOptions = {},
): Record<string, unknown>[] {
  if (data !== undefined) checkBatchData(data);
  const compiled = compiledFor(mapping, options);
  const results: Record<string, unknown>[] = [];
  // An index loop, not `map`: an array without a prototype has no methods.
  for (let index = 0; index < (data?.length ?? 0); index++) {
    results.push(compiled.resolveItem(data![index]));
  }
  return results;
}
