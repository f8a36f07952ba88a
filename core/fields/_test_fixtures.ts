// Shared by this folder's tests (not a test file of its own).
import type { FieldCondition, InputField } from "./input_field.ts";

/**
 * A string field that is required only while every one of `conditions` holds, the
 * dependent `required` of Segment's field definitions.
 */
export function requiredWhen(
  label: string,
  ...conditions: FieldCondition[]
): InputField {
  return { label, type: "string", required: { conditions } };
}
