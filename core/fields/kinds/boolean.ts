import * as z from "zod/mini";
import type { FieldKind } from "./field_kind.ts";
import { toAccepts } from "./_kind_check.ts";
import { booleanCheck } from "./_boolean_check.ts";
import { typeMessage } from "./_messages.ts";

/** A `boolean` field: `true` or `false`. */
export const booleanKind: FieldKind = {
  type: "boolean",
  jsonTypes: booleanCheck.jsonTypes,
  constraints: [],
  choiceTypes: [],
  schema: () =>
    z.boolean({ error: (issue) => typeMessage("a boolean", issue.input) }),
  accepts: (field) => toAccepts(booleanCheck.check(field)),
  jsonSchema: () => ({ type: "boolean" }),
  fixture: () => ({ type: "boolean", jsonTypes: ["boolean"] }),
};
