import { getFormatCheck } from "../_format_checks.ts";
import type { InputField } from "../input_field.ts";
import type { KindCheck } from "./_kind_check.ts";
import { typeMessage } from "./_messages.ts";

/** The length limits of a string field: `minLength`/`maxLength`, or Segment's `minimum`/`maximum`. */
export function stringLengths(
  field: InputField,
): { minLength?: number; maxLength?: number } {
  const minLength = field.minLength ?? field.minimum;
  const maxLength = field.maxLength ?? field.maximum;
  return {
    ...(minLength === undefined ? {} : { minLength }),
    ...(maxLength === undefined ? {} : { maxLength }),
  };
}

/** The checks of a `string`, `text` or `password` field: lengths in code points, as AJV and zod count them. */
export const stringCheck: KindCheck = {
  jsonTypes: ["string"],
  check(field) {
    const { minLength, maxLength } = stringLengths(field);
    const format = field.format;
    const isFormatted = format === undefined
      ? undefined
      : getFormatCheck(format);
    return (value, messages) => {
      const isString = typeof value === "string";
      if (!isString) messages.push(typeMessage("a string", value));
      // As zod does, length limits also measure a value of another type that has a length.
      const measurable = isString ||
        (value !== null && value !== undefined &&
          (value as { length?: unknown }).length !== undefined);
      if (measurable && minLength !== undefined) {
        if (!isLongEnough(value as string, minLength)) {
          messages.push(`must be at least ${minLength} characters long`);
        }
      }
      if (measurable && maxLength !== undefined) {
        if (!isShortEnough(value as string, maxLength)) {
          messages.push(`must be at most ${maxLength} characters long`);
        }
      }
      if (!isString) return true;
      if (isFormatted !== undefined && !isFormatted(value)) {
        messages.push(`must be a valid ${format}`);
      }
      return false;
    };
  },
};

// Lengths count code points; UTF-16 units bound them (a code point is one or two units).
function isLongEnough(value: string, minLength: number): boolean {
  const units = value.length;
  if (
    typeof value !== "string" || units < minLength || units >= minLength * 2
  ) {
    return units >= minLength;
  }
  return codePointLength(value) >= minLength;
}

function isShortEnough(value: string, maxLength: number): boolean {
  const units = value.length;
  if (typeof value !== "string" || units <= maxLength) {
    return units <= maxLength;
  }
  return codePointLength(value) <= maxLength;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
