import type { InputField } from "../input_field.ts";
import {
  type FieldKind,
  type FieldKindCheck,
  type FormatChecks,
  type JSONSchema,
  type KindCheckContext,
  type ValueCheck,
  withKindMeta,
} from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

/** The length limits of a string field: `minLength`/`maxLength`, or Segment's `minimum`/`maximum`. */
function stringLengths(
  field: InputField,
): { minLength?: number; maxLength?: number } {
  const minLength = field.minLength ?? field.minimum;
  const maxLength = field.maxLength ?? field.maximum;
  return {
    ...(minLength === undefined ? {} : { minLength }),
    ...(maxLength === undefined ? {} : { maxLength }),
  };
}

const LIMITS = [
  "choices",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
] as const;

function formatCheck(
  format: string | undefined,
  formats: FormatChecks,
): ((text: string) => boolean) | undefined {
  if (format === undefined) return undefined;
  if (!Object.hasOwn(formats, format)) {
    throw new TypeError(
      `Cannot compile fields: format "${format}" is not among the formats given`,
    );
  }
  return formats[format];
}

function makeStringCheck(
  type: "string" | "text" | "password",
  format?: string,
): FieldKindCheck {
  function check(
    field: InputField,
    { formats = {} }: KindCheckContext,
  ): ValueCheck {
    // Segment's `minimum`/`maximum` stand for the lengths (as in stringLengths).
    const minLength = field.minLength ?? field.minimum;
    const maxLength = field.maxLength ?? field.maximum;
    // `text` and `password` accept any text, whatever `format` says.
    const isFormatted = format === undefined
      ? formatCheck(field.format, formats)
      : undefined;
    return (value, messages) => {
      if (typeof value !== "string") {
        messages.push(typeMessage("a string", value));
        return true;
      }
      if (minLength !== undefined && !isLongEnough(value, minLength)) {
        messages.push(`must be at least ${minLength} characters long`);
      }
      if (maxLength !== undefined && !isShortEnough(value, maxLength)) {
        messages.push(`must be at most ${maxLength} characters long`);
      }
      if (isFormatted !== undefined && !isFormatted(value)) {
        messages.push(`must be a valid ${field.format}`);
      }
      return false;
    };
  }
  return { type, jsonTypes: ["string"], check };
}

function stringKindOf(check: FieldKindCheck, format?: string): FieldKind {
  return withKindMeta(check, {
    constraints: format === undefined ? ["format", ...LIMITS] : LIMITS,
    jsonSchema(field): JSONSchema {
      return {
        type: "string",
        format: format ?? field.format,
        ...stringLengths(field),
      };
    },
  });
}

// Lengths count code points, as AJV does; UTF-16 units bound them (a code point is one or two units).
function isLongEnough(value: string, minLength: number): boolean {
  const units = value.length;
  if (units < minLength || units >= minLength * 2) return units >= minLength;
  return codePointLength(value) >= minLength;
}

function isShortEnough(value: string, maxLength: number): boolean {
  const units = value.length;
  if (units <= maxLength) return true;
  return codePointLength(value) <= maxLength;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The check of a `string` field (see {@linkcode stringKind}). */
export const stringCheck: FieldKindCheck = /* @__PURE__ */ makeStringCheck(
  "string",
);

/** The check of a `text` field (see {@linkcode textKind}). */
export const textCheck: FieldKindCheck = /* @__PURE__ */ makeStringCheck(
  "text",
  "text",
);

/** The check of a `password` field (see {@linkcode passwordKind}). */
export const passwordCheck: FieldKindCheck = /* @__PURE__ */ makeStringCheck(
  "password",
  "password",
);

/** A `string` field: a string, optionally of a `format`. */
export const stringKind: FieldKind = /* @__PURE__ */ stringKindOf(stringCheck);

/** A `text` field: a string edited in a larger box. */
export const textKind: FieldKind = /* @__PURE__ */ stringKindOf(
  textCheck,
  "text",
);

/** A `password` field: a string the UI hides. */
export const passwordKind: FieldKind = /* @__PURE__ */ stringKindOf(
  passwordCheck,
  "password",
);
