import type { KindCheck } from "./_kind_check.ts";
import { typeMessage } from "./_messages.ts";

/** The checks of a `boolean` field. */
export const booleanCheck: KindCheck = {
  jsonTypes: ["boolean"],
  check: () => (value, messages) => {
    if (typeof value === "boolean") return false;
    messages.push(typeMessage("a boolean", value));
    return true;
  },
};
