import type { InputField } from "../input_field.ts";
import type { KindCheck, ValueCheck } from "./_kind_check.ts";
import { typeMessage } from "./_messages.ts";

/** Returns the checks of a `number` or `integer` field: a finite number within its limits. */
export function makeNumberCheck(type: "number" | "integer"): KindCheck {
  const expected = type === "integer" ? "an integer" : "a number";
  const whole = type === "integer";
  return {
    jsonTypes: [type],
    check(field: InputField): ValueCheck {
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

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
