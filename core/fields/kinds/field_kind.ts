import type { JSONType } from "../_json_types.ts";
import type { InputField } from "../input_field.ts";

/** A JSON Schema (draft 7) object, as the manifest and the UI read it. */
export type JSONSchema = { [key: string]: unknown };

/** The properties of a field that may narrow its values, per kind. */
export type FieldConstraint =
  | "format"
  | "choices"
  | "minimum"
  | "maximum"
  | "minLength"
  | "maxLength"
  | "properties"
  | "additionalProperties";

/**
 * What a fixture generator needs to produce valid values of one field, the
 * constraints normalised (string `minimum`/`maximum` become lengths).
 */
export interface FieldFixtureHint {
  /** The field's `type`. */
  type: InputField["type"];
  /** The JSON types a value may have (without `null`). */
  jsonTypes: readonly JSONType[];
  /** The string format values must have. */
  format?: string;
  /** The only values allowed. */
  choices?: readonly (string | number)[];
  /** The smallest number allowed. */
  minimum?: number;
  /** The largest number allowed. */
  maximum?: number;
  /** The shortest string allowed. */
  minLength?: number;
  /** The longest string allowed. */
  maxLength?: number;
  /** Whether a value is an array of values. */
  multiple: boolean;
  /** Whether `null` is a value. */
  allowNull: boolean;
  /** The members of an object. */
  properties?: Readonly<
    Record<string, FieldFixtureHint & { required: boolean }>
  >;
}

/**
 * Pushes the message of each check one clean value fails onto `messages`;
 * returns true when the value's type is wrong, which stops the checks that
 * follow (choices, a Standard Schema).
 */
export type ValueCheck = (value: unknown, messages: string[]) => boolean;

/** A string format's check, by format name (`email`, `uuid`, ...). */
export type FormatChecks = Readonly<Record<string, (text: string) => boolean>>;

/**
 * A dialect of payload validation: how another runtime reads field
 * definitions. Without one, validation follows destkit's rules (Segment's
 * with its defects fixed); with `segmentDialect` it decides, coerces and
 * removes as Segment's AJV does.
 */
export interface FieldDialect {
  /** Returns the field as the dialect reads it: `item` when it describes the items of a `multiple` field. */
  readField(field: InputField, item: boolean): InputField;
  /** Whether a `datetime` string is a date (the items of a `multiple` field are not checked). */
  isDate(text: string): boolean;
}

/** What a kind builds its check with. */
export interface KindCheckContext {
  /** The format checks the validator carries. @default {{}} */
  formats?: FormatChecks;
  /** Whose rules apply: destkit's when undefined. */
  dialect?: FieldDialect;
}

/**
 * The behaviour of one field `type`: its values' JSON types (for coercion),
 * the constraints it accepts, the check of one value (the only decision
 * procedure, used by every runtime), its JSON Schema and its fixture hint.
 */
export interface FieldKind {
  /** The field type this kind implements. */
  readonly type: InputField["type"];
  /** The JSON types a value may have, in AJV's coercion order. */
  readonly jsonTypes: readonly JSONType[];
  /** The constraining properties a field of this kind may declare. */
  readonly constraints: readonly FieldConstraint[];
  /**
   * Returns the check of one clean value (not null, an item for `multiple`),
   * choices and members aside; `item` when the values are the items of a
   * `multiple` field. A value the check passes must already have one of
   * `jsonTypes`: the validator keeps such a value as it is, without coercion.
   *
   * @throws {TypeError} When the field needs a format the context lacks.
   */
  check(
    field: InputField,
    context: KindCheckContext,
    item: boolean,
  ): ValueCheck;
  /** Returns the JSON Schema of one value (members are added by the caller). */
  jsonSchema(field: InputField): JSONSchema;
  /**
   * Returns the limits a fixture generator honours, when they differ from
   * the JSON Schema's (see {@linkcode kindFixture}).
   */
  fixture?(
    field: InputField,
  ): Omit<FieldFixtureHint, "multiple" | "allowNull" | "properties">;
}

/**
 * Returns the limits a fixture generator honours for a field of `kind`: the
 * kind's own `fixture`, or its JSON Schema's format and limits.
 */
export function kindFixture(
  kind: FieldKind,
  field: InputField,
): Omit<FieldFixtureHint, "multiple" | "allowNull" | "properties"> {
  if (kind.fixture !== undefined) return kind.fixture(field);
  const { type: _type, ...limits } = kind.jsonSchema(field);
  return { type: field.type, jsonTypes: kind.jsonTypes, ...limits };
}

/**
 * The part of a {@linkcode FieldKind} that validation reads: a validator (and
 * a device-mode bundle) needs only this.
 */
export type FieldKindCheck = Pick<FieldKind, "type" | "jsonTypes" | "check">;

/**
 * Returns the kind made of `check` and the parts only definition tooling
 * reads (constraints, JSON Schema, fixture hint), so that a bundle importing
 * the check alone leaves those out.
 */
export function withKindMeta(
  check: FieldKindCheck,
  meta: Omit<FieldKind, keyof FieldKindCheck>,
): FieldKind {
  return { ...check, ...meta };
}
