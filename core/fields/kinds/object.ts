import { isPlainValueObject } from "../_json_types.ts";
import {
  type FieldKind,
  type FieldKindCheck,
  withKindMeta,
} from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

/** The check of an `object` field (see {@linkcode objectKind}). */
export const objectCheck: FieldKindCheck = {
  type: "object",
  jsonTypes: ["object"],
  check: () => (value, messages) => {
    if (isPlainValueObject(value)) return false;
    messages.push(typeMessage("an object", value));
    return true;
  },
};

/** An `object` field: an object, typed member by member when it has `properties`. */
export const objectKind: FieldKind = /* @__PURE__ */ withKindMeta(objectCheck, {
  constraints: ["properties", "additionalProperties"],
  jsonSchema: () => ({ type: "object" }),
});
