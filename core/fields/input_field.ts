import type { StandardSchemaV1 } from "./_standard_schema.ts";

/** The kinds of field the definition format knows. */
export type FieldType =
  | "string"
  | "text"
  | "number"
  | "integer"
  | "datetime"
  | "boolean"
  | "password"
  | "object";

/** A string format a `string` field may declare, checked at run time. */
export type FieldFormat =
  | "date"
  | "date-time"
  | "email"
  | "hostname"
  | "ipv4"
  | "ipv6"
  | "password"
  | "text"
  | "regex"
  | "time"
  | "uri"
  | "uri-reference"
  | "uri-template"
  | "uuid";

/** One allowed value of a field with `choices`: the value itself, or with a label. */
export type FieldChoice = string | number | {
  label: string;
  value: string | number;
};

/** One condition of `depends_on` or of a dependent `required`. */
export interface FieldCondition {
  /** The key of the field the condition reads (dotted for nested fields). */
  fieldKey: string;
  /** What the condition reads: another field (the default). */
  type?: "field";
  /** How the field's value is compared. */
  operator: "is" | "is_not";
  /** The value (or values) compared with. */
  value?:
    | string
    | number
    | boolean
    | null
    | readonly (string | number | boolean | null)[];
}

/** A set of conditions, all (`match: "all"`, the default) or any of which must hold. */
export interface FieldConditions {
  match?: "all" | "any";
  conditions: readonly FieldCondition[];
}

/**
 * A field of an action, or a setting of a destination, in Segment's format.
 * The literal types of a definition written inline decide the inferred payload
 * type: see {@linkcode InferFields}.
 */
export interface InputField {
  /** The name users see. */
  label: string;
  /** What the field is for; supports markdown. */
  description?: string;
  /** The kind of value. */
  type: FieldType;
  /** Whether the value must be present; conditions make it required only when they hold. */
  required?: boolean | FieldConditions;
  /** Whether the value is an array of values of `type`. */
  multiple?: boolean;
  /** Whether `null` is a value (otherwise a `null` is removed). */
  allowNull?: boolean;
  /** A string format checked at run time. */
  format?: FieldFormat;
  /** The only values allowed. */
  choices?: readonly FieldChoice[];
  /** The default: a literal, or a mapping resolved against the event. */
  default?: unknown;
  /** The members of an `object` field. */
  properties?: Readonly<Record<string, InputField>>;
  /** Whether an `object` field with `properties` keeps undeclared keys. @default {false} */
  additionalProperties?: boolean;
  /** The smallest number allowed; on a string field, the shortest length (as in Segment). */
  minimum?: number;
  /** The largest number allowed; on a string field, the longest length (as in Segment). */
  maximum?: number;
  /** The shortest string allowed. */
  minLength?: number;
  /** The longest string allowed. */
  maxLength?: number;
  /** A hint shown in an empty input. */
  placeholder?: string;
  /** Whether the UI fetches choices from the partner (`dynamicFields` of the action). */
  dynamic?: boolean;
  /** When the field is shown, from the values of other fields. */
  depends_on?: FieldConditions;
  /** Where the UI groups the field. */
  category?: string;
  /** How expanded the UI shows the field. */
  displayMode?: "expanded" | "normal" | "collapsed";
  /** Ways of entering a value the UI does not offer. */
  disabledInputMethods?: readonly (
    | "literal"
    | "variable"
    | "function"
    | "enrichment"
    | "freeform"
  )[];
  /** How the UI edits an object field. */
  defaultObjectUI?:
    | "keyvalue"
    | "object"
    | "arrayeditor"
    | "keyvalue:only"
    | "object:only";
  /** Whether the field cannot be edited in the UI. */
  readOnly?: boolean;
  /** Hidden from the UI; kept for compatibility. */
  unsafe_hidden?: boolean;
  /** Hidden from the UI. */
  hidden?: boolean;
  /** An extra check on the value: any Standard Schema (a zod schema, for example). */
  schema?: StandardSchemaV1;
}

/** A set of fields keyed by the payload key they produce. */
export type InputFields = Readonly<Record<string, InputField>>;
