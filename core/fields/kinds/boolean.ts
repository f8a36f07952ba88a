import * as z from "zod/mini";
import type { FieldKind } from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

/** A `boolean` field: `true` or `false`. */
export const booleanKind: FieldKind = {
  type: "boolean",
  jsonTypes: ["boolean"],
  constraints: [],
  choiceTypes: [],
  schema: () =>
    z.boolean({ error: (issue) => typeMessage("a boolean", issue.input) }),
  accepts: () => (value) => typeof value === "boolean",
  jsonSchema: () => ({ type: "boolean" }),
  fixture: () => ({ type: "boolean", jsonTypes: ["boolean"] }),
};
