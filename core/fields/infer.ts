import type { FieldChoice, InputField, InputFields } from "./input_field.ts";
import type { StandardSchemaV1 } from "./_standard_schema.ts";

type ChoiceValue<C> = C extends { value: infer V } ? V : C;

type ScalarOf<F> = F extends { schema: StandardSchemaV1<unknown, infer O> } ? O
  : F extends { choices: readonly (infer C extends FieldChoice)[] }
    ? ChoiceValue<C>
  : F extends { type: "string" | "text" | "password" } ? string
  : F extends { type: "datetime" } ? string | number
  : F extends { type: "number" | "integer" } ? number
  : F extends { type: "boolean" } ? boolean
  : F extends { type: "object"; properties: infer P extends InputFields }
    ? ObjectOf<P, F>
  : F extends { type: "object" } ? { [key: string]: unknown }
  : never;

type ObjectOf<P extends InputFields, F> = F extends
  { additionalProperties: true } ? InferFields<P> & { [key: string]: unknown }
  : InferFields<P>;

/** The type of the value one field produces. */
export type InferField<F extends InputField> =
  | (F extends { multiple: true } ? ScalarOf<F>[] : ScalarOf<F>)
  | (F extends { allowNull: true } ? null : never);

type RequiredKeys<T> = {
  [K in keyof T]: T[K] extends { required: true } ? K : never;
}[keyof T];

// deno-lint-ignore ban-types -- `& {}` makes editors show the object, not the alias
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The payload (or settings) type that a set of fields produces: `required`
 * gives a non-optional key, `multiple` an array, `choices` a union of literals,
 * `allowNull` `| null`, `properties` a nested object.
 *
 * @example
 * ```ts
 * import type { InferFields } from "@destkit/core";
 *
 * const fields = {
 *   email: { label: "Email", type: "string", required: true },
 *   plan: { label: "Plan", type: "string", choices: ["free", "pro"] },
 * } as const;
 * const payload: InferFields<typeof fields> = { email: "a@b.co", plan: "pro" };
 * ```
 */
export type InferFields<T> = Simplify<
  & {
    -readonly [K in RequiredKeys<T>]: T[K] extends InputField ? InferField<T[K]>
      : never;
  }
  & {
    -readonly [K in Exclude<keyof T, RequiredKeys<T>>]?: T[K] extends InputField
      ? InferField<T[K]>
      : never;
  }
>;

/** A mapping directive, such as `{ "@path": "$.event" }`, resolved against the event. */
export type MappingDirective = { readonly [key: `@${string}`]: unknown };

type ItemDefault<F> =
  | ScalarOf<F>
  | (F extends { properties: infer P }
    ? { readonly [K in keyof P]?: FieldDefault<P[K]> }
    : never);

/** What a field's `default` may be: a value of the field, or a mapping (directives inside objects too). */
export type FieldDefault<F> =
  | MappingDirective
  | (F extends { multiple: true } ? readonly ItemDefault<F>[] | ItemDefault<F>
    : ItemDefault<F>)
  | (F extends { allowNull: true } ? null : never);

/**
 * The fields, with each `default` that does not fit its field replaced by the
 * type it must have: intersected with the fields, it makes a wrong default fail
 * type checking.
 */
export type CheckedDefaults<F> = {
  [K in keyof F]: F[K] extends { default: infer D }
    ? D extends FieldDefault<F[K]> ? F[K]
    : Omit<F[K], "default"> & { default: FieldDefault<F[K]> }
    : F[K];
};
