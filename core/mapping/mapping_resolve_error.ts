import { IntegrationError } from "../errors.ts";

/**
 * A mapping cannot be resolved against an event: a directive is missing a key
 * it needs at run time (`@flatten` without `separator`), a value has the wrong
 * type (`@path: expected string, got object`), the data is not an object, or
 * a Liquid template does not parse. The message is Segment's, word for word;
 * the class makes it a typed, non-retryable error (status 400, code
 * `PAYLOAD_VALIDATION_FAILED`, as an event that cannot be mapped is an invalid
 * payload). A Liquid parse error is kept as `cause`.
 *
 * @example
 * ```ts
 * import { MappingResolveError, transform } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const mapping = { v: { "@flatten": { value: { "@path": "$.a" } } } };
 * assert.throws(
 *   () => transform(mapping, { a: { b: 1 } }),
 *   (error) =>
 *     error instanceof MappingResolveError &&
 *     error.message === '@flatten requires a "separator" key',
 * );
 * ```
 */
export class MappingResolveError extends IntegrationError {
  override name = "MappingResolveError";

  constructor(message: string, options: { cause?: unknown } = {}) {
    // The code spelled out, so bundles leave the ErrorCodes table out.
    // Status 400 is not retryable by default.
    super(message, "PAYLOAD_VALIDATION_FAILED", 400, { cause: options.cause });
  }
}
