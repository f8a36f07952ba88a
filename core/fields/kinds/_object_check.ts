import { isPlainValueObject } from "../_json_types.ts";
import type { KindCheck } from "./_kind_check.ts";
import { typeMessage } from "./_messages.ts";

/** The checks of an `object` field (its members are checked by the caller). */
export const objectCheck: KindCheck = {
  jsonTypes: ["object"],
  check: () => (value, messages) => {
    if (isPlainValueObject(value)) return false;
    messages.push(typeMessage("an object", value));
    return true;
  },
};
