import assert from "node:assert/strict";
import {
  checkFieldDefinitions,
  fieldsToJSONSchema,
  findFieldDefinitionIssues,
} from "@destkit/core/tooling";
import type { InputField } from "@destkit/core";

const where = 'destination "Acme", action "track"';

const mistakes: {
  name: string;
  field: Record<string, unknown>;
  error: TypeErrorConstructor | RangeErrorConstructor;
  message: string;
}[] = [
  {
    name: "an unknown type",
    field: { label: "X", type: "strng" },
    error: TypeError,
    message: 'type "strng" is not one of',
  },
  {
    name: "choices on an object",
    field: { label: "X", type: "object", choices: ["a"] },
    error: TypeError,
    message: 'an object field cannot have "choices"',
  },
  {
    name: "minimum on a boolean",
    field: { label: "X", type: "boolean", minimum: 1 },
    error: TypeError,
    message: 'a boolean field cannot have "minimum"',
  },
  {
    name: "format on a number",
    field: { label: "X", type: "number", format: "email" },
    error: TypeError,
    message: 'a number field cannot have "format"',
  },
  {
    name: "properties on a string",
    field: { label: "X", type: "string", properties: {} },
    error: TypeError,
    message: 'a string field cannot have "properties"',
  },
  {
    name: "an unknown format",
    field: { label: "X", type: "string", format: "phone" },
    error: RangeError,
    message: 'format "phone" is not one of',
  },
  {
    name: "minimum above maximum",
    field: { label: "X", type: "number", minimum: 5, maximum: 1 },
    error: RangeError,
    message: '"minimum" (5) is above "maximum" (1)',
  },
  {
    name: "a negative length",
    field: { label: "X", type: "string", minLength: -1 },
    error: RangeError,
    message: '"minLength" must be a whole number',
  },
  {
    name: "a choice of the wrong type",
    field: { label: "X", type: "number", choices: ["a"] },
    error: TypeError,
    message: 'choice "a" is not a number',
  },
  {
    name: "a missing label",
    field: { type: "string" },
    error: TypeError,
    message: '"label" must be a string',
  },
  {
    name: "a bad condition",
    field: {
      label: "X",
      type: "string",
      required: { conditions: [{ fieldKey: "a", operator: "eq" }] },
    },
    error: RangeError,
    message: 'must be "is" or "is_not"',
  },
  {
    name: "a default that does not fit",
    field: { label: "X", type: "number", default: "many" },
    error: TypeError,
    message: 'the default "many" does not fit the field',
  },
  {
    name: "a non-boolean multiple",
    field: { label: "X", type: "string", multiple: "yes" },
    error: TypeError,
    message: '"multiple" must be a boolean',
  },
];

Deno.test("checkFieldDefinitions() throws on a definition mistake, naming owner and field", async (t) => {
  for (const { name, field, error, message } of mistakes) {
    await t.step(name, () => {
      const fields = {
        o: {
          label: "O",
          type: "object",
          properties: { x: field as unknown as InputField },
        },
      } as const;
      assert.throws(() => checkFieldDefinitions(fields, where), (thrown) => {
        assert.ok(thrown instanceof error, `${thrown}`);
        assert.ok(
          (thrown as Error).message.startsWith(
            `Cannot use field "o.x" of ${where}: `,
          ),
          (thrown as Error).message,
        );
        assert.ok(
          (thrown as Error).message.includes(message),
          (thrown as Error).message,
        );
        return true;
      });
    });
  }
  await t.step("accepts a default that is a mapping or fits", () => {
    checkFieldDefinitions({
      a: { label: "A", type: "string", default: { "@path": "$.event" } },
      b: { label: "B", type: "number", default: 3 },
      c: {
        label: "C",
        type: "object",
        properties: { d: { label: "D", type: "string" } },
        default: { d: { "@path": "$.x" } },
      },
    }, where);
  });
});

Deno.test("findFieldDefinitionIssues() lists every mistake once, in field order", async (t) => {
  const fields = {
    plan: {
      label: "Plan",
      type: "string",
      choices: ["free", "pro"],
      default: "gold",
    },
    size: { type: "integer", choices: [1, 1.5], default: "2" },
    user: {
      label: "User",
      type: "object",
      properties: { age: { label: "Age", type: "number", minLength: 1 } },
    },
  } as unknown as Record<string, InputField>;
  const issues = findFieldDefinitionIssues(fields, where);

  await t.step("each mistake, with the field's path", () => {
    assert.deepEqual(
      issues.map(({ path, message, error }) => [path, message, error.name]),
      [
        [
          "plan",
          `Cannot use field "plan" of ${where}: the default "gold" does not fit the field: must be one of "free", "pro", received "gold"`,
          "TypeError",
        ],
        [
          "size",
          `Cannot use field "size" of ${where}: "label" must be a string`,
          "TypeError",
        ],
        [
          "size",
          `Cannot use field "size" of ${where}: choice 1.5 does not fit the field: must be an integer, received 1.5`,
          "TypeError",
        ],
        [
          "size",
          `Cannot use field "size" of ${where}: the default "2" does not fit the field: must be an integer, received "2"`,
          "TypeError",
        ],
        [
          "user.age",
          `Cannot use field "user.age" of ${where}: a number field cannot have "minLength"`,
          "TypeError",
        ],
      ],
    );
  });
  await t.step("checkFieldDefinitions() throws the first", () => {
    assert.throws(
      () => checkFieldDefinitions(fields, where),
      (error) =>
        error instanceof TypeError && error.message === issues[0].message,
    );
  });
  await t.step("none for a correct definition", () => {
    assert.deepEqual(
      findFieldDefinitionIssues({
        n: { label: "N", type: "integer", choices: [1, 2], default: 2 },
      }),
      [],
    );
  });
});

Deno.test("fieldsToJSONSchema() exports Segment's shape", () => {
  const schema = fieldsToJSONSchema({
    email: {
      label: "Email",
      description: "Who",
      type: "string",
      format: "email",
      required: true,
    },
    at: { label: "At", type: "datetime" },
    tags: {
      label: "Tags",
      type: "string",
      multiple: true,
      choices: ["a", "b"],
    },
    n: { label: "N", type: "integer", allowNull: true, minimum: 0 },
    user: {
      label: "User",
      type: "object",
      properties: { id: { label: "ID", type: "string", required: true } },
    },
    id: {
      label: "ID",
      type: "string",
      required: {
        conditions: [{ fieldKey: "email", operator: "is_not", value: "x" }],
      },
    },
  });
  assert.deepEqual(schema, {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    additionalProperties: false,
    properties: {
      email: {
        title: "Email",
        description: "Who",
        type: "string",
        format: "email",
      },
      at: { title: "At", type: ["string", "number"], format: "date-like" },
      tags: {
        title: "Tags",
        type: "array",
        items: { type: "string", enum: ["a", "b"] },
      },
      n: { title: "N", type: ["integer", "null"], minimum: 0 },
      user: {
        title: "User",
        type: "object",
        additionalProperties: false,
        properties: { id: { title: "ID", type: "string" } },
        required: ["id"],
      },
      id: { title: "ID", type: "string" },
    },
    required: ["email"],
    allOf: [{
      if: {
        allOf: [{
          required: ["email"],
          properties: { email: { not: { const: "x" } } },
        }],
      },
      then: { required: ["id"] },
    }],
  });
});

Deno.test("checkFieldDefinitions() accepts a format on a datetime, as Segment does", async (t) => {
  const fields = {
    at: { label: "At", type: "datetime", format: "date-time" },
  } satisfies Record<string, InputField>;
  await t.step("the definition passes", () => {
    checkFieldDefinitions(fields, where);
  });
  await t.step("a datetime must still be a real date", async () => {
    const { validatePayload } = await import("@destkit/core");
    assert.deepEqual(
      validatePayload(fields, { at: "2026-01-15T11:46:39.425Z" }).payload,
      {
        at: "2026-01-15T11:46:39.425Z",
      },
    );
    assert.throws(
      () => validatePayload(fields, { at: "hello 1" }),
      /at: must be a real date/,
    );
  });
});
