import assert from "node:assert/strict";
import { PayloadValidationError } from "../errors.ts";
import { allFieldChecks } from "./all_field_checks.ts";
import { compileFieldChecks } from "./compile_field_checks.ts";
import { compileFields } from "./compile_fields.ts";
import { dependentRequirements } from "./dependent_requirements.ts";
import { isEmail } from "./formats.ts";
import type { InputFields } from "./input_field.ts";
import { booleanKind, stringKind } from "./kinds/mod.ts";
import { requiredWhen } from "./_test_fixtures.ts";

interface Case {
  name: string;
  fields: InputFields;
  input: Record<string, unknown>;
  payload?: Record<string, unknown>;
  issues?: { path: string; message: string }[];
}

const cases: Case[] = [
  {
    name: "counts string lengths in code points, as AJV and zod do",
    fields: { s: { label: "S", type: "string", minLength: 2, maxLength: 2 } },
    input: { s: "😀😀" },
    payload: { s: "😀😀" },
  },
  {
    name: "rejects one astral character under a minLength of 2",
    fields: { s: { label: "S", type: "string", minLength: 2 } },
    input: { s: "😀" },
    issues: [{ path: "s", message: "must be at least 2 characters long" }],
  },
  {
    name: "reports every check a value fails, then the choices",
    fields: {
      n: {
        label: "N",
        type: "integer",
        minimum: 2,
        choices: [{ label: "Five", value: 5 }],
      },
    },
    input: { n: 1.5 },
    issues: [
      { path: "n", message: "must be an integer, received 1.5" },
      { path: "n", message: "must be at least 2" },
      { path: "n", message: "must be one of 5, received 1.5" },
    ],
  },
  {
    name: "names item and member paths",
    fields: {
      list: {
        label: "L",
        type: "object",
        multiple: true,
        properties: { id: { label: "I", type: "number", required: true } },
      },
    },
    input: { list: [{ id: 1 }, { id: "x" }, {}] },
    issues: [
      { path: "list[1].id", message: 'must be a number, received "x"' },
      { path: "list[2].id", message: "is required" },
    ],
  },
];

Deno.test("compileFieldChecks() validates as compileFields() does", async (t) => {
  for (const { name, fields, input, payload, issues } of cases) {
    await t.step(name, () => {
      for (
        const compiled of [
          compileFieldChecks(fields, allFieldChecks),
          compileFields(fields),
        ]
      ) {
        if (payload !== undefined) {
          assert.deepEqual(compiled.validate(input).payload, payload);
          continue;
        }
        assert.throws(() => compiled.validate(input), (error) => {
          assert.ok(error instanceof PayloadValidationError);
          assert.deepEqual(error.issues, issues);
          return true;
        });
      }
    });
  }
});

Deno.test("compileFieldChecks() uses only the kinds, formats and features given", async (t) => {
  const kinds = { boolean: booleanKind, string: stringKind };
  await t.step("a definition compileFields() refuses still compiles", () => {
    const fields = {
      on: { label: "On", type: "boolean", minimum: 1 },
    } as unknown as InputFields;
    assert.throws(() => compileFields(fields), TypeError);
    assert.deepEqual(
      compileFieldChecks(fields, { kinds }).validate({ on: true }).payload,
      { on: true },
    );
  });
  await t.step("a type not given is refused, naming those given", () => {
    const fields = { x: { label: "X", type: "number" } } as InputFields;
    assert.throws(
      () => compileFieldChecks(fields, { kinds }),
      /field "x": type "number" is not among the kinds given/,
    );
  });
  await t.step("a format given is checked, one not given is refused", () => {
    const fields = {
      email: { label: "E", type: "string", format: "email" },
    } as InputFields;
    assert.throws(
      () => compileFieldChecks(fields, { kinds }),
      /format "email" is not among the formats given/,
    );
    const checks = compileFieldChecks(fields, {
      kinds,
      formats: { email: isEmail },
    });
    assert.throws(
      () => checks.validate({ email: "nope" }),
      /email: must be a valid email/,
    );
  });
  await t.step("conditions in required need dependentRequirements", () => {
    const fields = {
      a: { label: "A", type: "string" },
      b: requiredWhen("B", { fieldKey: "a", operator: "is", value: "x" }),
    } as InputFields;
    assert.throws(
      () => compileFieldChecks(fields, { kinds }),
      /field "b": its schema or conditions are left out/,
    );
    const checks = compileFieldChecks(fields, {
      kinds,
      requirements: dependentRequirements,
    });
    assert.throws(() => checks.validate({ a: "x" }), /b: is required/);
  });
});
