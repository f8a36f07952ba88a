import * as z from "zod/mini";
import type { ZodMiniType } from "zod/mini";
import { getFormatCheck } from "../_format_checks.ts";
import type { InputField } from "../input_field.ts";
import type { FieldKind, JSONSchema } from "./field_kind.ts";
import { toAccepts } from "./_kind_check.ts";
import { stringCheck, stringLengths } from "./_string_check.ts";
import { typeMessage } from "./_messages.ts";

function stringSchema(field: InputField): ZodMiniType {
  const { minLength, maxLength } = stringLengths(field);
  const checks: z.core.$ZodCheck<string>[] = [];
  if (minLength !== undefined) {
    checks.push(
      z.minLength(minLength, {
        error: `must be at least ${minLength} characters long`,
      }),
    );
  }
  if (maxLength !== undefined) {
    checks.push(
      z.maxLength(maxLength, {
        error: `must be at most ${maxLength} characters long`,
      }),
    );
  }
  const format = field.format;
  const isFormatted = format === undefined ? undefined : getFormatCheck(format);
  if (isFormatted !== undefined) {
    checks.push(
      z.refine<string>(isFormatted, { error: `must be a valid ${format}` }),
    );
  }
  const schema = z.string({
    error: (issue) => typeMessage("a string", issue.input),
  });
  return checks.length === 0 ? schema : schema.check(...checks);
}

function makeStringKind(
  type: "string" | "text" | "password",
  format?: string,
): FieldKind {
  return {
    type,
    jsonTypes: stringCheck.jsonTypes,
    constraints: type === "string"
      ? ["format", "choices", "minimum", "maximum", "minLength", "maxLength"]
      : ["choices", "minimum", "maximum", "minLength", "maxLength"],
    choiceTypes: ["string"],
    schema: stringSchema,
    accepts: (field) => toAccepts(stringCheck.check(field)),
    jsonSchema(field): JSONSchema {
      return {
        type: "string",
        format: format ?? field.format,
        ...stringLengths(field),
      };
    },
    fixture(field) {
      return {
        type,
        jsonTypes: ["string"],
        format: format ?? field.format,
        ...stringLengths(field),
      };
    },
  };
}

/** A `string` field: a string, optionally of a `format`. */
export const stringKind: FieldKind = makeStringKind("string");

/** A `text` field: a string edited in a larger box. */
export const textKind: FieldKind = makeStringKind("text", "text");

/** A `password` field: a string the UI hides. */
export const passwordKind: FieldKind = makeStringKind("password", "password");
