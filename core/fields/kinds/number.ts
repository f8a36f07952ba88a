import * as z from "zod/mini";
import type { ZodMiniType } from "zod/mini";
import type { InputField } from "../input_field.ts";
import type { FieldKind, JSONSchema } from "./field_kind.ts";
import { toAccepts } from "./_kind_check.ts";
import { makeNumberCheck } from "./_number_check.ts";
import { typeMessage } from "./_messages.ts";

function limits(field: InputField): { minimum?: number; maximum?: number } {
  return {
    ...(field.minimum === undefined ? {} : { minimum: field.minimum }),
    ...(field.maximum === undefined ? {} : { maximum: field.maximum }),
  };
}

function makeNumberKind(type: "number" | "integer"): FieldKind {
  const expected = type === "integer" ? "an integer" : "a number";
  function schema(field: InputField): ZodMiniType {
    const checks: z.core.$ZodCheck<number>[] = [];
    if (type === "integer") {
      checks.push(z.refine(Number.isInteger, {
        error: (issue) => typeMessage(expected, issue.input),
      }));
    }
    if (field.minimum !== undefined) {
      checks.push(
        z.gte(field.minimum, { error: `must be at least ${field.minimum}` }),
      );
    }
    if (field.maximum !== undefined) {
      checks.push(
        z.lte(field.maximum, { error: `must be at most ${field.maximum}` }),
      );
    }
    const base = z.number({
      error: (issue) => typeMessage(expected, issue.input),
    });
    return checks.length === 0 ? base : base.check(...checks);
  }
  const check = makeNumberCheck(type);
  return {
    type,
    jsonTypes: check.jsonTypes,
    constraints: ["choices", "minimum", "maximum"],
    choiceTypes: ["number"],
    schema,
    accepts: (field) => toAccepts(check.check(field)),
    jsonSchema: (field): JSONSchema => ({ type, ...limits(field) }),
    fixture: (field) => ({ type, jsonTypes: [type], ...limits(field) }),
  };
}

/** A `number` field: a finite number. */
export const numberKind: FieldKind = makeNumberKind("number");

/** An `integer` field: a finite whole number. */
export const integerKind: FieldKind = makeNumberKind("integer");
