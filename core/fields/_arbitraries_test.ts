// Payload generators shared by the fields differential tests (not a test file of its own).
import fc from "fast-check";
import type { InputField, InputFields } from "./input_field.ts";

/** The values a generated payload may hold for `field` (or for an undeclared key). */
export type LeafArbitrary = (
  field: InputField | undefined,
) => fc.Arbitrary<unknown>;

/**
 * Returns payloads for `fields`: each key from `leaf`, nested objects for fields with
 * `properties` (alone, wrapped in an array, or two of them), plus the undeclared key `zz`.
 */
export function payloadArbitrary(
  fields: InputFields,
  leaf: LeafArbitrary,
): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {
    zz: valueArbitrary(undefined, leaf),
  };
  for (const [key, field] of Object.entries(fields)) {
    members[key] = valueArbitrary(field, leaf);
  }
  return fc.record(members, { requiredKeys: [], noNullPrototype: true });
}

function valueArbitrary(
  field: InputField | undefined,
  leaf: LeafArbitrary,
): fc.Arbitrary<unknown> {
  const pool = leaf(field);
  if (field?.properties === undefined) return pool;
  const object = payloadArbitrary(field.properties, leaf);
  return fc.oneof(
    pool,
    object,
    object.map((value) => [value]),
    fc.tuple(object, object),
  );
}
