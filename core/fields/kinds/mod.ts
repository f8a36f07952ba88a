/**
 * The field kinds: one per field `type`, each carrying its own check, JSON
 * Schema and fixture hint. Import the ones a validator needs by name so that
 * a bundle carries only those.
 *
 * @module
 */
export { booleanKind } from "./boolean.ts";
export { datetimeKind } from "./datetime.ts";
export { integerKind, numberKind } from "./number.ts";
export { objectKind } from "./object.ts";
export { passwordKind, stringKind, textKind } from "./string.ts";
export { fieldKinds, getFieldKind } from "./field_kinds.ts";
export { kindFixture } from "./field_kind.ts";
export type { FieldKind } from "./field_kind.ts";
