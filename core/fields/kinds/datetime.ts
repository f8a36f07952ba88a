import * as z from "zod/mini";
import { datetimeCheck, isRealDate } from "./_datetime_check.ts";
import type { FieldKind } from "./field_kind.ts";
import { toAccepts } from "./_kind_check.ts";
import { typeMessage } from "./_messages.ts";

/** A `datetime` field: a date string (ISO 8601, RFC 2822 or a Unix timestamp) or a number. */
export const datetimeKind: FieldKind = {
  type: "datetime",
  jsonTypes: datetimeCheck.jsonTypes,
  // Segment ignores a `format` on datetime fields ("date-time" is common in
  // ported definitions); a datetime must be a real date whatever it says.
  constraints: ["format"],
  choiceTypes: [],
  schema: () =>
    z.union([z.string(), z.number()], {
      error: (issue) => typeMessage("a date string or a number", issue.input),
    }).check(
      z.refine((value) => typeof value === "number" || isRealDate(value), {
        error: (issue) =>
          `must be a real date, received ${JSON.stringify(issue.input)}`,
      }),
    ),
  accepts: (field) => toAccepts(datetimeCheck.check(field)),
  jsonSchema: () => ({ type: ["string", "number"], format: "date-like" }),
  fixture: () => ({
    type: "datetime",
    jsonTypes: ["string", "number"],
    format: "date-time",
  }),
};
