import * as z from "zod/mini";
import { isPlainValueObject } from "../_json_types.ts";
import type { FieldKind } from "./field_kind.ts";
import { toAccepts } from "./_kind_check.ts";
import { objectCheck } from "./_object_check.ts";
import { typeMessage } from "./_messages.ts";

/** An `object` field: an object, typed member by member when it has `properties`. */
export const objectKind: FieldKind = {
  type: "object",
  jsonTypes: objectCheck.jsonTypes,
  constraints: ["properties", "additionalProperties"],
  choiceTypes: [],
  schema: (_field, context) =>
    context.properties ??
      z.custom<Record<string, unknown>>(isPlainValueObject, {
        error: (issue) => typeMessage("an object", issue.input),
      }),
  accepts: (field) => toAccepts(objectCheck.check(field)),
  jsonSchema: () => ({ type: "object" }),
  fixture: () => ({ type: "object", jsonTypes: ["object"] }),
};
