import type { InputField } from "../input_field.ts";
import type { FieldKind, JSONSchema, ValueCheck } from "./field_kind.ts";
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

function makeNumberKind(type: "number" | "integer"): FieldKind {
  const expected = type === "integer" ? "an integer" : "a number";
  const whole = type === "integer";
  return {
    type,
    jsonTypes: [type],
    constraints: ["choices", "minimum", "maximum"],
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
    jsonSchema: (field): JSONSchema => ({ type, ...limits(field) }),
  };
}

/** A `number` field: a finite number. */
export const numberKind: FieldKind = /* @__PURE__ */ makeNumberKind("number");

/** An `integer` field: a finite whole number. */
export const integerKind: FieldKind = /* @__PURE__ */ makeNumberKind(
  "integer",
);
