import type { FieldType } from "../input_field.ts";
import { booleanKind } from "./boolean.ts";
import { datetimeKind } from "./datetime.ts";
import type { FieldKind } from "./field_kind.ts";
import { integerKind, numberKind } from "./number.ts";
import { objectKind } from "./object.ts";
import { passwordKind, stringKind, textKind } from "./string.ts";

/** Every field kind, keyed by the `type` that selects it. */
export const fieldKinds: Readonly<Record<FieldType, FieldKind>> = {
  string: stringKind,
  text: textKind,
  password: passwordKind,
  number: numberKind,
  integer: integerKind,
  datetime: datetimeKind,
  boolean: booleanKind,
  object: objectKind,
};

/** Returns the kind of a field `type`, or undefined when the type is unknown. */
export function getFieldKind(type: string): FieldKind | undefined {
  return Object.hasOwn(fieldKinds, type)
    ? fieldKinds[type as FieldType]
    : undefined;
}
