import type { FieldKind } from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

/** A `boolean` field: `true` or `false`. */
export const booleanKind: FieldKind = {
  type: "boolean",
  jsonTypes: ["boolean"],
  constraints: [],
  check: () => (value, messages) => {
    if (typeof value === "boolean") return false;
    messages.push(typeMessage("a boolean", value));
    return true;
  },
  jsonSchema: () => ({ type: "boolean" }),
};
