import { collectRequirements } from "./dependent_requirements.ts";
import { choiceValues } from "./_choices.ts";
import type {
  FieldCondition,
  FieldConditions,
  InputField,
  InputFields,
} from "./input_field.ts";
import { getFieldKind } from "./kinds/mod.ts";
import type { JSONSchema } from "./kinds/field_kind.ts";

/**
 * Returns the JSON Schema (draft 7) of the payload that fields produce, in the
 * shape of Segment's `fieldsToJsonSchema`: for manifests and the UI.
 *
 * @throws {TypeError} When a field has an unknown type.
 *
 * @example
 * ```ts
 * import { fieldsToJSONSchema } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const schema = fieldsToJSONSchema({ email: { label: "Email", type: "string", required: true } });
 * assert.deepEqual(schema.required, ["email"]);
 * assert.deepEqual(schema.properties, { email: { title: "Email", type: "string" } });
 * ```
 */
export function fieldsToJSONSchema(fields: InputFields): JSONSchema {
  const schema = membersSchema(fields, false);
  const requirements = collectRequirements(fields);
  if (requirements.length > 0) {
    schema.allOf = requirements.map(({ path, conditions }) => ({
      if: conditionsSchema(conditions),
      then: requiredSchema(path),
    }));
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", ...schema };
}

function membersSchema(fields: InputFields, additional: boolean): JSONSchema {
  const properties: Record<string, JSONSchema> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    properties[key] = fieldSchema(field);
    if (field.required === true) required.push(key);
  }
  return {
    type: "object",
    additionalProperties: additional,
    properties,
    required,
  };
}

function fieldSchema(field: InputField): JSONSchema {
  const kind = getFieldKind(field.type);
  if (kind === undefined) {
    throw new TypeError(
      `Cannot export a JSON Schema: type ${
        JSON.stringify(field.type)
      } is unknown`,
    );
  }
  let value: JSONSchema = withoutUndefined(kind.jsonSchema(field));
  if (field.choices !== undefined) value.enum = choiceValues(field.choices);
  if (field.properties !== undefined) {
    value = {
      ...value,
      ...membersSchema(field.properties, field.additionalProperties === true),
    };
  }
  const annotations = withoutUndefined({
    title: field.label,
    description: field.description,
    default: field.default,
    placeholder: field.placeholder,
  });
  if (field.multiple === true) {
    return { ...annotations, type: "array", items: value };
  }
  if (field.allowNull === true) {
    value.type = [
      ...(Array.isArray(value.type) ? value.type : [value.type]),
      "null",
    ];
    if (Array.isArray(value.enum)) value.enum = [...value.enum, null];
  }
  return { ...annotations, ...withoutUndefined(value) };
}

function conditionsSchema(conditions: FieldConditions): JSONSchema {
  const parts = conditions.conditions.map(conditionSchema);
  return conditions.match === "any" ? { anyOf: parts } : { allOf: parts };
}

function conditionSchema(condition: FieldCondition): JSONSchema {
  const keys = condition.fieldKey.split(".");
  const is = condition.operator === "is";
  let leaf: JSONSchema;
  if (condition.value === undefined) {
    const empty = {
      anyOf: [{ not: { required: [keys[keys.length - 1]] } }, {
        properties: { [keys[keys.length - 1]]: { type: "null" } },
      }],
    };
    leaf = is ? empty : { not: empty };
    return nest(keys.slice(0, -1), leaf);
  }
  const test = is
    ? { const: condition.value }
    : { not: { const: condition.value } };
  leaf = {
    required: [keys[keys.length - 1]],
    properties: { [keys[keys.length - 1]]: test },
  };
  return nest(keys.slice(0, -1), leaf);
}

function nest(keys: readonly string[], inner: JSONSchema): JSONSchema {
  return keys.reduceRight<JSONSchema>(
    (schema, key) => ({ required: [key], properties: { [key]: schema } }),
    inner,
  );
}

function requiredSchema(path: readonly string[]): JSONSchema {
  return nest(path.slice(0, -1), { required: [path[path.length - 1]] });
}

function withoutUndefined(object: JSONSchema): JSONSchema {
  const result: JSONSchema = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}
