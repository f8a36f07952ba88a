/**
 * The field kinds: one per field `type`, each carrying its own check, JSON
 * Schema and fixture hint. Import the ones a validator needs by name so that
 * a bundle carries only those.
 *
 * @module
 */
export { booleanCheck, booleanKind } from "./boolean.ts";
export { datetimeCheck, datetimeKind } from "./datetime.ts";
export {
  integerCheck,
  integerKind,
  numberCheck,
  numberKind,
} from "./number.ts";
export { objectCheck, objectKind } from "./object.ts";
export {
  passwordCheck,
  passwordKind,
  stringCheck,
  stringKind,
  textCheck,
  textKind,
} from "./string.ts";
export { fieldKinds, getFieldKind } from "./field_kinds.ts";
export { kindFixture, withKindMeta } from "./field_kind.ts";
export type { FieldKind, FieldKindCheck } from "./field_kind.ts";
