import { isPlainValueObject } from "../_json_types.ts";
import type { FieldKind } from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

/** An `object` field: an object, typed member by member when it has `properties`. */
export const objectKind: FieldKind = {
  type: "object",
  jsonTypes: ["object"],
  constraints: ["properties", "additionalProperties"],
  check: () => (value, messages) => {
    if (isPlainValueObject(value)) return false;
    messages.push(typeMessage("an object", value));
    return true;
  },
  jsonSchema: () => ({ type: "object" }),
};
