// Differential test: the lean validator (no zod) against compileFields (zod/mini) on generated
// field sets and payloads: same decision, payload, warnings and issues (paths and messages).
import assert from "node:assert/strict";
import fc from "fast-check";
import { PayloadValidationError } from "../errors.ts";
import { compileFields } from "./mod.ts";
import type {
  InputField,
  InputFields,
  StandardSchemaV1,
  ValidationResult,
} from "./mod.ts";
import { compileFieldChecks } from "./compile_field_checks.ts";
import { payloadArbitrary } from "./_arbitraries_test.ts";

const FIELD_SETS = 300;
const PAYLOADS_PER_SET = 20;
const SEED = Number(Deno.env.get("SEED") ?? 20240917);

// Upper-cases strings; rejects "x" with a nested path, other non-strings at the value.
const upperSchema: StandardSchemaV1 = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate: (value) =>
      value === "x"
        ? { issues: [{ message: "must not be x", path: [{ key: "deep" }, 0] }] }
        : typeof value === "string"
        ? { value: value.toUpperCase() }
        : typeof value === "object" && value !== null
        ? { value: { ...value, checked: true } }
        : { issues: [{ message: "must be text or an object" }] },
  },
};
const asyncSchema: StandardSchemaV1 = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate: (value) => Promise.resolve({ value }),
  },
};

const scalars: unknown[] = [
  "",
  " ",
  null,
  "5",
  "5.5",
  "-2",
  "0",
  "abc",
  "abcdef",
  "true",
  "false",
  "x",
  "y",
  "X",
  "😀",
  "😀😀",
  "a😀b",
  "a@b.co",
  "10.0.0.1",
  "::1",
  "2024-05-01",
  "2024-02-30",
  "2024-05-01T10:00:00Z",
  "10:00:00Z",
  "1700000000",
  "not a date",
  "Infinity",
  "0x10",
  "3b241101-e2bb-4255-8caf-4136c566a962",
  "example.com",
  "https://a.b/c?d#e",
  "^a+$",
  0,
  -0,
  1,
  2,
  5,
  2.5,
  -3,
  1e21,
  1700000000,
  true,
  false,
];
const containers: unknown[] = [
  [],
  ["5"],
  [5, null],
  ["x", ""],
  [null],
  [true],
  ["a", "b", "c"],
  [1, 2, 3, 4, 5, 6],
  {},
  { x: 1 },
  { length: 3 },
  { length: "x" },
  [{}],
  [[1]],
  [{ a: "5" }],
];

const scalarType = fc.constantFrom(
  "string",
  "number",
  "integer",
  "boolean",
  "datetime",
  "text",
  "password",
);
const keys = ["a", "b", "c"] as const;

const conditionArbitrary = fc.record({
  fieldKey: fc.constantFrom("a", "b", "c", "c.a"),
  operator: fc.constantFrom("is" as const, "is_not" as const),
  value: fc.constantFrom("x", 5, true, null, ["x", 5], undefined),
}, { noNullPrototype: true }).map((condition) => {
  const { value, ...rest } = condition;
  return value === undefined ? rest : condition;
});
const conditionsArbitrary = fc.record({
  match: fc.constantFrom(undefined, "all" as const, "any" as const),
  conditions: fc.array(conditionArbitrary, { minLength: 1, maxLength: 2 }),
}, { noNullPrototype: true }).map(({ match, conditions }) =>
  match === undefined ? { conditions } : { match, conditions }
);

function fieldArbitrary(depth: number): fc.Arbitrary<InputField> {
  const type = depth < 2
    ? fc.oneof(scalarType, fc.constant("object" as const))
    : scalarType;
  return type.chain((type) =>
    fc.record({
      required: depth === 0
        ? fc.oneof(
          { arbitrary: fc.constant(false), weight: 3 },
          { arbitrary: fc.constant(true), weight: 1 },
          { arbitrary: conditionsArbitrary, weight: 1 },
        )
        : fc.boolean(),
      multiple: fc.boolean(),
      allowNull: fc.boolean(),
      choices: fc.constantFrom(0, 1, 2),
      limits: fc.constantFrom(undefined, undefined, [0, 0], [1, 10], [2, 4], [
        -5,
        3,
      ]),
      lengths: fc.constantFrom(undefined, undefined, [2, undefined], [
        undefined,
        2,
      ], [
        1,
        3,
      ]),
      format: fc.constantFrom(
        ...Array(10).fill(undefined),
        "email",
        "ipv4",
        "ipv6",
        "date",
        "date-time",
        "time",
        "uuid",
        "hostname",
        "uri",
        "regex",
      ),
      schema: fc.constantFrom(
        ...Array(8).fill(undefined),
        upperSchema,
        asyncSchema,
      ),
      additionalProperties: fc.boolean(),
      properties: type === "object"
        ? fc.option(membersArbitrary(depth + 1), { nil: undefined })
        : fc.constant(undefined),
    }).map((options) => {
      const field: Record<string, unknown> = { label: "F", type };
      if (options.required !== false) field.required = options.required;
      if (options.multiple) field.multiple = true;
      if (options.allowNull) field.allowNull = true;
      const isString = type === "string" || type === "text" ||
        type === "password";
      const isNumber = type === "number" || type === "integer";
      if (options.choices > 0 && isString) {
        field.choices = options.choices === 1
          ? ["x", "y", "5", "😀"]
          : [{ label: "X", value: "x" }, { label: "A", value: "abc" }];
      }
      if (options.choices > 0 && isNumber) {
        field.choices = options.choices === 1
          ? [1, 2, 5]
          : [{ label: "0", value: 0 }, { label: "2.5", value: 2.5 }];
      }
      if (options.limits !== undefined && (isNumber || isString)) {
        [field.minimum, field.maximum] = options.limits;
      }
      if (options.lengths !== undefined && isString) {
        const [minLength, maxLength] = options.lengths;
        if (minLength !== undefined) field.minLength = minLength;
        if (maxLength !== undefined) field.maxLength = maxLength;
      }
      if (options.format !== undefined && type === "string") {
        field.format = options.format;
      }
      if (options.schema !== undefined) field.schema = options.schema;
      if (type === "object" && options.properties !== undefined) {
        field.properties = options.properties;
        if (options.additionalProperties) field.additionalProperties = true;
      }
      return field as unknown as InputField;
    })
  );
}

function membersArbitrary(depth: number): fc.Arbitrary<InputFields> {
  return fc.dictionary(fc.constantFrom(...keys), fieldArbitrary(depth), {
    minKeys: 1,
    maxKeys: 3,
    noNullPrototype: true,
  });
}

// Values a field of each type usually accepts, so that a fair share of payloads pass.
const likely: Record<string, unknown[]> = {
  string: ["x", "abc", "y", 5],
  text: ["x", "abc", "5"],
  password: ["x", "abc", "5"],
  number: [1, 2, 5, "5"],
  integer: [1, 2, 5, "2"],
  boolean: [true, false, "true"],
  datetime: ["2024-05-01", 1700000000],
  object: [{}, { x: 1 }],
};

// Any value, plus values a field of its type likely accepts, so both decisions come up often.
function leaf(field: InputField | undefined): fc.Arbitrary<unknown> {
  const any = fc.constantFrom(...scalars, ...containers);
  return field === undefined ? any : fc.oneof(
    any,
    fc.constantFrom(...likely[field.type]).map((value) =>
      field.multiple === true ? [value] : value
    ),
  );
}

type Outcome =
  | { ok: true; result: ValidationResult }
  | { ok: false; issues: { path: string; message: string }[] };

function run(
  validate: (payload: unknown) => ValidationResult,
  payload: unknown,
): Outcome {
  try {
    return { ok: true, result: validate(payload) };
  } catch (error) {
    if (!(error instanceof PayloadValidationError)) throw error;
    return { ok: false, issues: error.issues };
  }
}

Deno.test(`compileFieldChecks() decides like compileFields() on ${FIELD_SETS * PAYLOADS_PER_SET} seeded cases`, () => {
  let compared = 0;
  let accepted = 0;
  let slow = 0;
  let definitions = 0;
  const fieldsAndPayloads = membersArbitrary(0).chain((fields) =>
    fc.tuple(
      fc.constant(fields),
      fc.array(payloadArbitrary(fields, leaf), {
        minLength: PAYLOADS_PER_SET,
        maxLength: PAYLOADS_PER_SET,
      }),
    )
  );
  fc.assert(
    fc.property(fieldsAndPayloads, ([fields, payloads]) => {
      let compiled;
      try {
        compiled = compileFields(fields);
      } catch (error) {
        // A definition mistake (the lean validator does not check definitions): not compared.
        if (error instanceof TypeError || error instanceof RangeError) return;
        throw error;
      }
      definitions++;
      const lean = compileFieldChecks(fields);
      for (const generated of payloads) {
        const payload = JSON.parse(JSON.stringify(generated));
        const before = structuredClone(payload);
        const expected = run(compiled.validate, payload);
        const actual = run(lean.validate, payload);
        compared++;
        const where = `${JSON.stringify(payload)} with ${
          JSON.stringify(fields)
        }`;
        assert.deepEqual(payload, before, `the input is unchanged: ${where}`);
        assert.equal(actual.ok, expected.ok, `decision for ${where}`);
        if (!actual.ok && !expected.ok) {
          slow++;
          assert.deepEqual(
            actual.issues,
            expected.issues,
            `issues for ${where}`,
          );
          continue;
        }
        if (!actual.ok || !expected.ok) continue;
        accepted++;
        assert.deepStrictEqual(
          actual.result.payload,
          expected.result.payload,
          `payload for ${where}`,
        );
        assert.deepStrictEqual(
          actual.result.warnings,
          expected.result.warnings,
          `warnings for ${where}`,
        );
      }
    }),
    { seed: SEED, numRuns: FIELD_SETS },
  );
  assert.ok(
    definitions > FIELD_SETS * 0.8,
    `only ${definitions} valid field sets`,
  );
  assert.ok(
    compared > FIELD_SETS * PAYLOADS_PER_SET * 0.8,
    `only ${compared} cases were compared`,
  );
  assert.ok(
    accepted > compared / 10 && slow > compared / 10,
    `${accepted} accepted, ${slow} rejected of ${compared}`,
  );
  // deno-lint-ignore no-console
  console.log(`compared ${compared}: ${accepted} accepted, ${slow} rejected`);
});
