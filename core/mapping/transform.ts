import { checkBatchData, checkData, type CompiledMapping } from "./_compile.ts";
import { compileMapping } from "./compile_mapping.ts";

// Mappings are stored data that callers do not mutate; a changed mapping object must be compiled again
// (pass a new object or use compileMapping).
const compiledMappings = new WeakMap<object, CompiledMapping>();

function compiledFor(mapping: unknown): CompiledMapping {
  if (typeof mapping !== "object" || mapping === null) {
    return compileMapping(mapping);
  }
  let compiled = compiledMappings.get(mapping);
  if (compiled === undefined) {
    compiled = compileMapping(mapping);
    compiledMappings.set(mapping, compiled);
  }
  return compiled;
}

/**
 * Resolves `mapping` against the event `data`, exactly as Segment's
 * `transform`: directives are replaced by their values, keys whose value is
 * `undefined` are removed. The compiled mapping is cached by the mapping
 * object, so do not mutate a mapping between calls (compile a new object).
 *
 * @throws {Error} `data must be an object, got ...` when `data` is not an object, or what a directive throws.
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys of the mapping break rules.
 * @throws {MappingDepthError} When the mapping or a value it copies nests too deeply or is cyclic.
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
): Record<string, unknown> {
  checkData(data);
  return compiledFor(mapping).resolve(data);
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
): Record<string, unknown>[] {
  if (data !== undefined) checkBatchData(data);
  return compiledFor(mapping).resolveBatch(data);
}
