import type { ZodMiniType } from "zod/mini";
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

/** The context a kind builds its schema in: the compiled members of an object. */
export interface KindSchemaContext {
  /** The zod schema of the members, when the field has `properties`. */
  properties?: ZodMiniType;
}

/**
 * The behaviour of one field `type`: its values' JSON types (for coercion), the
 * constraints it accepts, its zod schema, its JSON Schema and its fixture hint.
 */
export interface FieldKind {
  /** The field type this kind implements. */
  readonly type: InputField["type"];
  /** The JSON types a value may have, in AJV's coercion order. */
  readonly jsonTypes: readonly JSONType[];
  /** The constraining properties a field of this kind may declare. */
  readonly constraints: readonly FieldConstraint[];
  /** The types a choice value may have. */
  readonly choiceTypes: readonly ("string" | "number")[];
  /** Returns the zod schema of one clean value (not null, not an array of them). */
  schema(field: InputField, context: KindSchemaContext): ZodMiniType;
  /**
   * Returns a fast test of one clean value (type and limits, not choices):
   * it must accept exactly what {@linkcode FieldKind.schema} accepts.
   */
  accepts(field: InputField): (value: unknown) => boolean;
  /** Returns the JSON Schema of one value (members are added by the caller). */
  jsonSchema(field: InputField): JSONSchema;
  /** Returns the limits a fixture generator honours. */
  fixture(
    field: InputField,
  ): Omit<FieldFixtureHint, "multiple" | "allowNull" | "properties">;
}
