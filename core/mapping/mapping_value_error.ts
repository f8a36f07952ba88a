import { IntegrationError } from "../errors.ts";

/**
 * A value of the event cannot be used the way a directive needs it: an
 * object whose own `toString` key is not a function cannot become text in
 * `@template`, `@if` or `@liquid`. The message names the directive and its
 * path in the mapping.
 *
 * @example
 * ```ts
 * import { MappingValueError, transform } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const event = JSON.parse('{"a": {"toString": 1}}');
 * assert.throws(() => transform({ v: { "@template": "{{a}}" } }, event), MappingValueError);
 * ```
 */
export class MappingValueError extends IntegrationError {
  override name = "MappingValueError";

  constructor(message: string, options: { cause?: unknown } = {}) {
    // Status 400 is not retryable by default.
    super(message, "MAPPING_VALUE_INVALID", 400, { cause: options.cause });
  }
}
