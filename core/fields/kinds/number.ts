import type { InputField } from "../input_field.ts";
import {
  type FieldKind,
  type FieldKindCheck,
  type JSONSchema,
  type ValueCheck,
  withKindMeta,
} from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

function limits(field: InputField): { minimum?: number; maximum?: number } {
  return {
    ...(field.minimum === undefined ? {} : { minimum: field.minimum }),
    ...(field.maximum === undefined ? {} : { maximum: field.maximum }),
  };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function makeNumberCheck(type: "number" | "integer"): FieldKindCheck {
  const expected = type === "integer" ? "an integer" : "a number";
  const whole = type === "integer";
  return {
    type,
    jsonTypes: [type],
    check(field): ValueCheck {
      const { minimum, maximum } = field;
      return (value, messages) => {
        if (!isFiniteNumber(value)) {
          messages.push(typeMessage(expected, value));
          return true;
        }
        if (whole && !Number.isInteger(value)) {
          messages.push(typeMessage(expected, value));
        }
        if (minimum !== undefined && !(value >= minimum)) {
          messages.push(`must be at least ${minimum}`);
        }
        if (maximum !== undefined && !(value <= maximum)) {
          messages.push(`must be at most ${maximum}`);
        }
        return false;
      };
    },
  };
}

function numberKindOf(check: FieldKindCheck): FieldKind {
  return withKindMeta(check, {
    constraints: ["choices", "minimum", "maximum"],
    jsonSchema: (field): JSONSchema => ({ type: check.type, ...limits(field) }),
  });
}

/** The check of a `number` field (see {@linkcode numberKind}). */
export const numberCheck: FieldKindCheck = /* @__PURE__ */ makeNumberCheck(
  "number",
);

/** The check of an `integer` field (see {@linkcode integerKind}). */
export const integerCheck: FieldKindCheck = /* @__PURE__ */ makeNumberCheck(
  "integer",
);

/** A `number` field: a finite number. */
export const numberKind: FieldKind = /* @__PURE__ */ numberKindOf(numberCheck);

/** An `integer` field: a finite whole number. */
export const integerKind: FieldKind = /* @__PURE__ */ numberKindOf(
  integerCheck,
);
