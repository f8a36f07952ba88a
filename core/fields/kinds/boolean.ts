import {
  type FieldKind,
  type FieldKindCheck,
  withKindMeta,
} from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

/** The check of a `boolean` field (see {@linkcode booleanKind}). */
export const booleanCheck: FieldKindCheck = {
  type: "boolean",
  jsonTypes: ["boolean"],
  check: () => (value, messages) => {
    if (typeof value === "boolean") return false;
    messages.push(typeMessage("a boolean", value));
    return true;
  },
};

/** A `boolean` field: `true` or `false`. */
export const booleanKind: FieldKind = /* @__PURE__ */ withKindMeta(
  booleanCheck,
  { constraints: [], jsonSchema: () => ({ type: "boolean" }) },
);
