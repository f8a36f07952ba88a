import type { ValidationResult } from "./compile_field_checks.ts";
import { compileFields } from "./compile_fields.ts";
import type { CompiledFields } from "./compile_fields.ts";
import type { InputFields } from "./input_field.ts";

const cache = new WeakMap<InputFields, CompiledFields>();

/** Returns the compiled form of fields, compiling them on first use (cached per fields object). */
export function getCompiledFields(
  fields: InputFields,
  where?: string,
): CompiledFields {
  let compiled = cache.get(fields);
  if (compiled === undefined) {
    compiled = compileFields(fields, { where });
    cache.set(fields, compiled);
  }
  return compiled;
}

/**
 * Validates a payload against fields: empty values removed, types coerced as
 * Segment does, every change reported as a warning. The fields compile once
 * (cached per fields object); the payload is never changed.
 *
 * @throws {PayloadValidationError} Listing every failing path with a plain message.
 * @throws {TypeError} When the field definitions are wrong.
 *
 * @example
 * ```ts
 * import { PayloadValidationError, validatePayload } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const fields = {
 *   email: { label: "Email", type: "string", format: "email", required: true },
 *   tags: { label: "Tags", type: "string", multiple: true },
 * } as const;
 * const { payload, warnings } = validatePayload(fields, { email: "a@b.co", tags: "vip", note: "" });
 * assert.deepEqual(payload, { email: "a@b.co", tags: ["vip"] });
 * assert.equal(warnings.length, 2);
 * assert.throws(() => validatePayload(fields, { tags: [] }), PayloadValidationError);
 * ```
 */
export function validatePayload(
  fields: InputFields,
  payload: unknown,
): ValidationResult {
  return getCompiledFields(fields).validate(payload);
}
