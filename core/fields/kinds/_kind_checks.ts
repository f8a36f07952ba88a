// The zod-free checks of every field kind, keyed by the `type` that selects it.
import type { FieldType } from "../input_field.ts";
import { booleanCheck } from "./_boolean_check.ts";
import { datetimeCheck } from "./_datetime_check.ts";
import type { KindCheck } from "./_kind_check.ts";
import { makeNumberCheck } from "./_number_check.ts";
import { objectCheck } from "./_object_check.ts";
import { stringCheck } from "./_string_check.ts";

const kindChecks: Readonly<Record<FieldType, KindCheck>> = {
  string: stringCheck,
  text: stringCheck,
  password: stringCheck,
  number: makeNumberCheck("number"),
  integer: makeNumberCheck("integer"),
  datetime: datetimeCheck,
  boolean: booleanCheck,
  object: objectCheck,
};

/** Returns the checks of a field `type`, or undefined when the type is unknown. */
export function getKindCheck(type: string): KindCheck | undefined {
  return Object.hasOwn(kindChecks, type)
    ? kindChecks[type as FieldType]
    : undefined;
}
