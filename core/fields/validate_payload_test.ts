import assert from "node:assert/strict";
import { PayloadValidationError, validatePayload } from "@destkit/core";
import { compileFields } from "@destkit/core/engine";
import type { InputFields, ValidationWarning } from "@destkit/core";
import { requiredWhen } from "./_test_fixtures.ts";

interface Case {
  name: string;
  fields: InputFields;
  input: Record<string, unknown>;
  payload?: Record<string, unknown>;
  warnings?: ValidationWarning[];
  issues?: { path: string; message: string }[];
}

const str = { label: "S", type: "string" } as const;
const num = { label: "N", type: "number" } as const;
const int = { label: "I", type: "integer" } as const;
const bool = { label: "B", type: "boolean" } as const;
const datetime = { label: "D", type: "datetime" } as const;

// `id` is required when `kind` is "user".
const userIdFields: InputFields = {
  kind: { label: "K", type: "string" },
  id: requiredWhen("ID", { fieldKey: "kind", operator: "is", value: "user" }),
};

const cases: Case[] = [
  {
    name: "keeps a clean payload as is",
    fields: { s: str, n: num },
    input: { s: "a", n: 1 },
    payload: { s: "a", n: 1 },
    warnings: [],
  },
  {
    name: "removes a top-level empty string",
    fields: { s: str },
    input: { s: "" },
    payload: {},
    warnings: [{
      path: "s",
      message: "removed: empty string",
      kind: "removed",
    }],
  },
  {
    name: "keeps a nested empty string of a string member",
    fields: {
      o: { label: "O", type: "object", properties: { s: str, n: num } },
    },
    input: { o: { s: "", n: "" } },
    payload: { o: { s: "" } },
    warnings: [{
      path: "o.n",
      message: "removed: empty string",
      kind: "removed",
    }],
  },
  {
    name: "removes null unless allowNull",
    fields: { s: str, t: { label: "T", type: "string", allowNull: true } },
    input: { s: null, t: null },
    payload: { t: null },
    warnings: [{
      path: "s",
      message: "removed: null is not allowed",
      kind: "removed",
    }],
  },
  {
    name: "coerces a numeric string to a number",
    fields: { n: num },
    input: { n: "5.5" },
    payload: { n: 5.5 },
    warnings: [{ path: "n", message: 'coerced "5.5" to 5.5', kind: "coerced" }],
  },
  {
    name: "coerces a number and a boolean to strings",
    fields: { s: str, t: str },
    input: { s: 5, t: false },
    payload: { s: "5", t: "false" },
    warnings: [
      { path: "s", message: 'coerced 5 to "5"', kind: "coerced" },
      { path: "t", message: 'coerced false to "false"', kind: "coerced" },
    ],
  },
  {
    name: 'coerces "true", "false", 1 and 0 to booleans',
    fields: { a: bool, b: bool, c: bool },
    input: { a: "true", b: "false", c: 1 },
    payload: { a: true, b: false, c: true },
    warnings: [
      { path: "a", message: 'coerced "true" to true', kind: "coerced" },
      { path: "b", message: 'coerced "false" to false', kind: "coerced" },
      { path: "c", message: "coerced 1 to true", kind: "coerced" },
    ],
  },
  {
    name: "wraps a scalar of a multiple field in an array",
    fields: { tags: { label: "Tags", type: "string", multiple: true } },
    input: { tags: "vip" },
    payload: { tags: ["vip"] },
    warnings: [{
      path: "tags",
      message: 'coerced "vip" to an array of one',
      kind: "coerced",
    }],
  },
  {
    name: "removes null items and coerces the others",
    fields: { ns: { label: "Ns", type: "number", multiple: true } },
    input: { ns: [1, null, "2"] },
    payload: { ns: [1, 2] },
    warnings: [
      { path: "ns[1]", message: "removed: null item", kind: "removed" },
      { path: "ns[1]", message: 'coerced "2" to 2', kind: "coerced" },
    ],
  },
  {
    name: "unwraps a one-item array of a single field",
    fields: { s: str },
    input: { s: ["a"] },
    payload: { s: "a" },
    warnings: [{
      path: "s",
      message: 'coerced an array to "a"',
      kind: "coerced",
    }],
  },
  {
    name: "removes undeclared keys, at the root and under properties",
    fields: { o: { label: "O", type: "object", properties: { s: str } } },
    input: { o: { s: "a", x: 1 }, y: 2 },
    payload: { o: { s: "a" } },
    warnings: [
      {
        path: "o.x",
        message: "removed: not a declared field",
        kind: "removed",
      },
      { path: "y", message: "removed: not a declared field", kind: "removed" },
    ],
  },
  {
    name:
      "keeps undeclared keys with additionalProperties, and in objects without properties",
    fields: {
      o: {
        label: "O",
        type: "object",
        additionalProperties: true,
        properties: { s: str },
      },
      bag: { label: "Bag", type: "object" },
    },
    input: { o: { s: "a", x: 1 }, bag: { z: null } },
    payload: { o: { s: "a", x: 1 }, bag: { z: null } },
    warnings: [],
  },
  {
    name: "coerces an integer string and accepts datetime strings and numbers",
    fields: { i: int, d: datetime, e: datetime },
    input: { i: "7", d: "2024-02-29T10:00:00Z", e: 1700000000 },
    payload: { i: 7, d: "2024-02-29T10:00:00Z", e: 1700000000 },
    warnings: [{ path: "i", message: 'coerced "7" to 7', kind: "coerced" }],
  },
  {
    name: "accepts choices, formats and limits",
    fields: {
      plan: {
        label: "P",
        type: "string",
        choices: ["free", { label: "Pro", value: "pro" }],
      },
      mail: { label: "M", type: "string", format: "email" },
      code: { label: "C", type: "string", minLength: 2, maxLength: 3 },
      n: { label: "N", type: "integer", minimum: 0, maximum: 10 },
    },
    input: { plan: "pro", mail: "a@b.co", code: "ab", n: 0 },
    payload: { plan: "pro", mail: "a@b.co", code: "ab", n: 0 },
    warnings: [],
  },
  {
    name: "rejects every failing path with a plain message",
    fields: {
      email: { label: "Email", type: "string", required: true },
      n: num,
      plan: { label: "P", type: "string", choices: ["free", "pro"] },
      items: {
        label: "I",
        type: "object",
        multiple: true,
        properties: {
          price: { label: "Price", type: "number", required: true },
        },
      },
    },
    input: { n: "abc", plan: "gold", items: [{ price: "x" }, {}] },
    // In the order of the payload's keys, then the missing required fields.
    issues: [
      { path: "n", message: 'must be a number, received "abc"' },
      {
        path: "plan",
        message: 'must be one of "free", "pro", received "gold"',
      },
      { path: "items[0].price", message: 'must be a number, received "x"' },
      { path: "items[1].price", message: "is required" },
      { path: "email", message: "is required" },
    ],
  },
  {
    name: "honours a minimum or maximum of 0, on integers too",
    fields: {
      a: { label: "A", type: "integer", minimum: 0 },
      b: { label: "B", type: "number", maximum: 0 },
    },
    input: { a: -1, b: 1 },
    issues: [{ path: "a", message: "must be at least 0" }, {
      path: "b",
      message: "must be at most 0",
    }],
  },
  {
    name: "rejects a datetime that is not a real date",
    fields: { d: datetime, e: datetime },
    input: { d: "hello 1", e: "2024-02-30" },
    issues: [
      { path: "d", message: 'must be a real date, received "hello 1"' },
      { path: "e", message: 'must be a real date, received "2024-02-30"' },
    ],
  },
  {
    name: "enforces a dependent required",
    fields: userIdFields,
    input: { kind: "user" },
    issues: [{
      path: "id",
      message: "is required by the values of other fields",
    }],
  },
  {
    name: "skips a dependent required whose conditions do not hold",
    fields: userIdFields,
    input: { kind: "group" },
    payload: { kind: "group" },
    warnings: [],
  },
];

Deno.test("validatePayload() cleans, coerces and checks like Segment, reporting each change", async (t) => {
  for (const item of cases) {
    await t.step(item.name, () => {
      const input = structuredClone(item.input);
      if (item.issues !== undefined) {
        assert.throws(() => validatePayload(item.fields, input), (error) => {
          assert.ok(error instanceof PayloadValidationError);
          assert.deepEqual(error.issues, item.issues);
          return true;
        });
      } else {
        const result = validatePayload(item.fields, input);
        assert.deepEqual(result.payload, item.payload);
        assert.deepEqual(result.warnings, item.warnings);
      }
      assert.deepEqual(input, item.input, "the input is unchanged");
    });
  }
});

Deno.test("compileFields() runs a field's Standard Schema and keeps its output", () => {
  const upper = {
    "~standard": {
      version: 1 as const,
      vendor: "test",
      validate: (value: unknown) =>
        typeof value === "string" && value.startsWith("sku_")
          ? { value: value.toUpperCase() }
          : { issues: [{ message: "must start with sku_" }] },
    },
  };
  const compiled = compileFields({
    sku: { label: "SKU", type: "string", schema: upper },
  });
  assert.deepEqual(compiled.validate({ sku: "sku_1" }).payload, {
    sku: "SKU_1",
  });
  assert.throws(
    () => compiled.validate({ sku: "x" }),
    /sku: must start with sku_/,
  );
});

Deno.test("compileFields() names the owner and the field of a definition mistake", () => {
  assert.throws(
    () =>
      compileFields({
        o: {
          label: "O",
          type: "object",
          properties: { x: { label: "X", type: "strng" as "string" } },
        },
      }, {
        where: 'destination "Acme", action "track"',
      }),
    new TypeError(
      'Cannot use field "o.x" of destination "Acme", action "track": type "strng" is not one of string, text, password, number, integer, datetime, boolean, object',
    ),
  );
});
