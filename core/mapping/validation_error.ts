/**
 * A mapping breaks a rule of the mapping language. The message names the
 * path inside the mapping, as Segment's does: `/properties/email/@path should
 * be a string or a mapping directive but it is a number.` Several errors
 * under object keys come together in an `AggregateError` whose `errors` are
 * `ValidationError`s.
 *
 * @example
 * ```ts
 * import { validateMapping, ValidationError } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => validateMapping({ "@path": 5 }), ValidationError);
 * ```
 */
export class ValidationError extends Error {
  override name = "ValidationError";
  /** The keys from the mapping's root to the value at fault. */
  declare readonly path: readonly string[];

  constructor(message: string, stack: readonly string[] = []) {
    super(`/${stack.join("/")} ${message}.`);
    this.path = [...stack];
  }
}
