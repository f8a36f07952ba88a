// The fixture hint of a field, from its kind: generators never switch on `type`.
import { type InputField } from "@destkit/core";
import {
  type FieldFixtureHint,
  getFieldKind,
  kindFixture,
} from "@destkit/core/tooling";

/** The hint of `field`, with `multiple` and `allowNull` filled in. */
export function hintOf(field: InputField, path: string): FieldFixtureHint {
  const kind = getFieldKind(field.type);
  if (kind === undefined) {
    throw new TypeError(
      `Cannot generate test data for "${path}": unknown field type ${
        JSON.stringify(field.type)
      }`,
    );
  }
  const hint: FieldFixtureHint = {
    ...kindFixture(kind, field),
    multiple: field.multiple === true,
    allowNull: field.allowNull === true,
  };
  if (
    hint.choices === undefined && field.choices !== undefined &&
    field.choices.length > 0
  ) {
    hint.choices = field.choices.map((choice) =>
      typeof choice === "object" ? choice.value : choice
    );
  }
  return hint;
}

/** Whether the field is always required (conditional requirements count as optional). */
export function isRequired(field: InputField): boolean {
  return field.required === true;
}
