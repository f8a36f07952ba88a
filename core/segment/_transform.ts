// Segment's `transform(mapping, data, statsContext)` is destkit's mapping engine; the stats
// context (a sink of Segment's platform) is accepted and ignored.
import {
  transform as nativeTransform,
  transformBatch as nativeBatch,
} from "../mapping/mod.ts";

/**
 * Resolves `mapping` against `data`, exactly as Segment's mapping-kit does.
 *
 * @example
 * ```ts
 * import { transform } from "./actions_core.ts";
 * import assert from "node:assert/strict";
 *
 * const mapping = { email: { "@path": "$.traits.email" } };
 * assert.deepEqual(transform(mapping, { traits: { email: "a@b.co" } }), { email: "a@b.co" });
 * ```
 */
export function transform(
  mapping: unknown,
  data?: unknown,
  _statsContext?: unknown,
): Record<string, unknown> {
  return nativeTransform(mapping, data);
}

/** Resolves `mapping` against each item of `data`. */
export function transformBatch(
  mapping: unknown,
  data?: unknown[],
  _statsContext?: unknown,
): Record<string, unknown>[] {
  return nativeBatch(mapping, data);
}
