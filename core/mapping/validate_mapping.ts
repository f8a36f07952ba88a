import { DEFAULT_MAX_DEPTH, validateWith } from "./_compile.ts";
import { VALIDATOR } from "./compile_mapping.ts";

/** Options for {@linkcode validateMapping}. */
export interface ValidateMappingOptions {
  /** How deeply the mapping may nest. @default {500} */
  maxDepth?: number;
}

/**
 * Checks `mapping` as Segment does before a mapping runs (the root directive
 * `__segment_internal_directive` is applied first), with Segment's error
 * classes and messages: a `ValidationError` for a fault at the root, an
 * `AggregateError` whose `errors` are `ValidationError`s naming the path
 * (`/properties/email/@path ...`) for faults under keys.
 *
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys break rules.
 * @throws {MappingDepthError} When the mapping nests deeper than `maxDepth` or is cyclic.
 * @example
 * ```ts
 * import { validateMapping } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * validateMapping({ email: { "@path": "$.traits.email" } });
 * assert.throws(
 *   () => validateMapping({ email: { "@path": 5 } }),
 *   (error: AggregateError) =>
 *     error.errors[0].message ===
 *       "/email/@path should be a string or a mapping directive but it is a number.",
 * );
 * ```
 */
export function validateMapping(
  mapping: unknown,
  options: ValidateMappingOptions = {},
): void {
  const { maxDepth = DEFAULT_MAX_DEPTH } = options;
  validateWith(mapping, maxDepth, VALIDATOR);
}
