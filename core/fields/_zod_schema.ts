// Builds the zod schema of a clean payload (after cleaning and coercion) from fields.
import * as z from "zod/mini";
import type { ZodMiniType } from "zod/mini";
import type { StandardSchemaV1 } from "./_standard_schema.ts";
import { choiceValues } from "./_choices.ts";
import type { InputField, InputFields } from "./input_field.ts";
import { getFieldKind } from "./kinds/mod.ts";
import { describeValue, typeMessage } from "./kinds/_messages.ts";

/** Builds the schema of one field's value: null when `allowNull`, an array when `multiple`. */
export function buildFieldSchema(field: InputField): ZodMiniType {
  const kind = getFieldKind(field.type);
  if (kind === undefined) {
    throw new TypeError(
      `Cannot build a schema: type ${JSON.stringify(field.type)} is unknown`,
    );
  }
  const properties = field.properties === undefined
    ? undefined
    : buildMembersSchema(field.properties, field.additionalProperties === true);
  let schema = kind.schema(field, { properties });
  if (field.choices !== undefined) {
    schema = schema.check(choiceCheck(choiceValues(field.choices)));
  }
  if (field.schema !== undefined) {
    schema = schema.check(standardSchemaCheck(field.schema));
  }
  if (field.multiple === true) {
    return z.array(schema, {
      error: (issue) => typeMessage("an array", issue.input),
    });
  }
  return field.allowNull === true ? z.nullable(schema) : schema;
}

/** Builds the schema of an object of fields (a payload, or an object field's members). */
export function buildMembersSchema(
  fields: InputFields,
  additional: boolean,
): ZodMiniType {
  const shape: Record<string, ZodMiniType> = {};
  for (const [key, field] of Object.entries(fields)) {
    const schema = buildFieldSchema(field);
    shape[key] = field.required === true ? schema : z.optional(schema);
  }
  const error = (issue: { input?: unknown }) =>
    typeMessage("an object", issue.input);
  return additional
    ? z.looseObject(shape, { error })
    : z.object(shape, { error });
}

function choiceCheck(values: readonly (string | number)[]) {
  const allowed = new Set<unknown>(values);
  const list = values.map((value) => JSON.stringify(value)).join(", ");
  return z.refine((value: unknown) => allowed.has(value), {
    error: (issue) =>
      `must be one of ${list}, received ${describeValue(issue.input)}`,
  });
}

function standardSchemaCheck(schema: StandardSchemaV1) {
  return z.check((context) => {
    const result = schema["~standard"].validate(context.value);
    if (result instanceof Promise) {
      context.issues.push({
        code: "custom",
        message: "cannot be checked: its schema is asynchronous",
        input: context.value,
      });
      return;
    }
    if (result.issues === undefined) {
      context.value = result.value;
      return;
    }
    for (const issue of result.issues) {
      context.issues.push({
        code: "custom",
        message: issue.message,
        input: context.value,
        path: (issue.path ?? []).map((part) =>
          typeof part === "object" ? part.key : part
        ) as PropertyKey[],
      });
    }
  });
}
