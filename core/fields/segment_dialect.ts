import type { InputField } from "./input_field.ts";
import type { FieldDialect } from "./kinds/field_kind.ts";

// What dayjs (Segment's `date-like` format) reads before falling back to `new Date()`.
const DAYJS =
  /^(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?$/;
// The largest time a Date holds, in milliseconds either side of 1970.
const MAX_TIME = 8.64e15;

// Whether Segment's `date-like` format accepts a string: what `dayjs(text).isValid()` says.
function isDateLike(text: string): boolean {
  if (String(Number(text)) === text) {
    // A numeric string is a Unix timestamp in seconds.
    return Math.abs(Number(text) * 1000) <= MAX_TIME;
  }
  if (!/z$/i.test(text) && DAYJS.test(text)) return true;
  return !Number.isNaN(new Date(text).getTime());
}

// The field as Segment's fieldsToJsonSchema writes it: only non-zero `minimum`/`maximum`
// count, on `number` fields (as limits) and `string` fields (as lengths; `minLength` and
// `maxLength` are ignored); the items of a multiple field have no limits and no format;
// an object with properties drops `allowNull`; `properties` count on `object` fields only.
function readField(field: InputField, item: boolean): InputField {
  const {
    minimum,
    maximum,
    minLength: _minLength,
    maxLength: _maxLength,
    format,
    allowNull,
    properties,
    additionalProperties,
    ...read
  } = field;
  const result: InputField = read;
  if (field.type === "object") {
    if (properties !== undefined) result.properties = properties;
    if (additionalProperties !== undefined) {
      result.additionalProperties = additionalProperties;
    }
  }
  if (allowNull !== undefined && result.properties === undefined) {
    result.allowNull = allowNull;
  }
  if (item) return result;
  if (format !== undefined) result.format = format;
  if (field.type === "number") {
    if (minimum) result.minimum = minimum;
    if (maximum) result.maximum = maximum;
  } else if (field.type === "string") {
    if (minimum) result.minLength = minimum;
    if (maximum) result.maxLength = maximum;
  }
  return result;
}

/**
 * Segment's dialect of payload validation, for `compileFieldChecks` (option
 * `dialect`) and the Segment drop-ins: decisions, coercions and removals are
 * those of Segment's AJV, without destkit's deliberate differences (limits of
 * 0 and limits on integers ignored, no checks on the items of a multiple
 * field beyond their type, `allowNull` dropped on an object with properties,
 * `properties` read on `object` fields only, any `datetime` string dayjs
 * reads, such as "hello 1").
 *
 * @example
 * ```ts
 * import { compileFieldChecks, datetimeKind, integerKind, segmentDialect } from "@destkit/core/engine";
 * import assert from "node:assert/strict";
 *
 * const fields = {
 *   at: { label: "At", type: "datetime" },
 *   n: { label: "N", type: "integer", minimum: 1 },
 * } as const;
 * const kinds = { datetime: datetimeKind, integer: integerKind };
 * const payload = { at: "hello 1", n: 0 };
 * assert.throws(() => compileFieldChecks(fields, { kinds }).validate(payload));
 * const segment = compileFieldChecks(fields, { kinds, dialect: segmentDialect });
 * assert.deepEqual(segment.validate(payload).payload, payload);
 * ```
 */
export const segmentDialect: FieldDialect = { readField, isDate: isDateLike };
