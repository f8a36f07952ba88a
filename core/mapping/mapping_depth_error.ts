import { IntegrationError } from "../errors.ts";

/**
 * A mapping or a value it touches is nested deeper than the limit, or is
 * cyclic: thrown instead of overflowing the call stack.
 *
 * @example
 * ```ts
 * import { MappingDepthError, transform } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const event: Record<string, unknown> = {};
 * event.self = event;
 * assert.throws(() => transform({ all: { "@path": "$.self" } }, event), MappingDepthError);
 * ```
 */
export class MappingDepthError extends IntegrationError {
  override name = "MappingDepthError";
  /** The nesting limit that was passed. */
  declare readonly maxDepth: number;

  constructor(message: string, maxDepth: number) {
    // Status 400 (the default) is not retryable by default.
    super(message, "MAPPING_TOO_DEEP");
    this.maxDepth = maxDepth;
  }
}

/** Returns the error for a mapping nested deeper than `maxDepth`. */
export function mappingTooDeep(maxDepth: number): MappingDepthError {
  return new MappingDepthError(
    `Cannot use mapping: it is nested more than ${maxDepth} levels deep or is cyclic`,
    maxDepth,
  );
}

/** Returns the error for a value nested deeper than `maxDepth`. */
export function valueTooDeep(maxDepth: number): MappingDepthError {
  return new MappingDepthError(
    `Cannot resolve mapping: a value is nested more than ${maxDepth} levels deep or is cyclic`,
    maxDepth,
  );
}

/** Returns whether `error` is the engine's call stack overflow. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
