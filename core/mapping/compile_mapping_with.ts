import {
  type CompiledMapping,
  type CompileMappingWithOptions,
  compileWith,
} from "./_compile.ts";
import type { Directive } from "./directives/_types.ts";

export type {
  CompiledMapping,
  CompileMappingOptions,
  CompileMappingWithOptions,
} from "./_compile.ts";

/**
 * Compiles `mapping` like {@linkcode compileMapping}, knowing only
 * `directives` and checking it with `options.validator` when given: the
 * engine itself, for builds that choose what they carry (each an ordinary
 * import that esbuild leaves out when not passed). Browser bundles pass
 * `standardDirectives` (every directive but `@liquid`), so they never reach
 * liquidjs; add `liquidDirective` to allow `@liquid`, and pass
 * `createMappingValidator(rules)` as `validator` to run Segment's checks first (`compileMapping` passes all of them). A
 * directive not passed is an invalid directive.
 *
 * @throws {ValidationError} When the mapping breaks a rule at its root.
 * @throws {AggregateError} When values under keys of the mapping break rules (`errors` lists them).
 * @throws {MappingDepthError} When the mapping nests deeper than `maxDepth` or is cyclic.
 * @example
 * ```ts
 * import { compileMappingWith, standardDirectives } from "@destkit/core/engine";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileMappingWith({ id: { "@path": "$.userId" } }, standardDirectives);
 * assert.deepEqual(compiled.resolve({ userId: "u1" }), { id: "u1" });
 * assert.throws(
 *   () => compileMappingWith({ x: { "@liquid": "{{ a }}" } }, standardDirectives),
 *   /\/x has an invalid directive: @liquid/,
 * );
 * // Without a validator, other faults surface when the mapping resolves.
 * const unchecked = compileMappingWith({ id: { "@path": 5 } }, standardDirectives);
 * assert.throws(() => unchecked.resolve({}), /@path: expected string, got number/);
 * ```
 */
export function compileMappingWith(
  mapping: unknown,
  directives: readonly Directive[],
  options: CompileMappingWithOptions = {},
): CompiledMapping {
  return compileWith(mapping, directives, options);
}
