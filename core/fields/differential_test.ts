// Differential test against Segment's actions-core (a test-only oracle): same accept/reject
// decision and same resulting payload, with the deliberate differences left out of the inputs.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { PayloadValidationError } from "@destkit/core";
import { compileFields, segmentDialect } from "@destkit/core/engine";
import type { InputField, InputFields } from "@destkit/core";
import { payloadArbitrary } from "./_arbitraries_test.ts";

const require = createRequire(import.meta.url);
const { fieldsToJsonSchema, validateSchema } = require("@segment/actions-core");
// removeEmptyValues is not exported from the package root: load its CommonJS file directly.
const { removeEmptyValues } = require(
  "../../node_modules/@segment/actions-core/dist/cjs/remove-empty-values.js",
);

const FIELD_SETS = 150;
const PAYLOADS_PER_SET = 16;
const SEED = 20240501;

const scalars: unknown[] = [
  "",
  " ",
  null,
  "5",
  "5.5",
  "-2",
  "abc",
  "true",
  "false",
  "x",
  "y",
  "a@b.co",
  "10.0.0.1",
  "2024-05-01",
  "2024-05-01T10:00:00Z",
  "2024-05-01T10:00:00.123+02:00",
  "1700000000",
  "not a date",
  "0x10",
  "3b241101-e2bb-4255-8caf-4136c566a962",
  "example.com",
  0,
  1,
  2,
  5,
  2.5,
  -3,
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
  {},
  { x: 1 },
  [{}],
  [[1]],
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

// A dependent required with one condition on a top-level key (Segment's single-condition form).
const conditionArbitrary = fc.record({
  fieldKey: fc.constantFrom("a", "b", "c"),
  operator: fc.constantFrom("is" as const, "is_not" as const),
  value: fc.constantFrom("x", 5, true, undefined),
}, { noNullPrototype: true }).map((condition) => {
  const { value, ...rest } = condition;
  return { conditions: [value === undefined ? rest : condition] };
});

// `segment`: also the features where destkit's native rules deliberately differ, for the
// Segment dialect to decide as Segment does.
function fieldArbitrary(
  depth: number,
  segment: boolean,
): fc.Arbitrary<InputField> {
  const type = depth === 0
    ? fc.oneof(scalarType, fc.constant("object" as const))
    : scalarType;
  return type.chain((type) =>
    fc.record({
      required: depth === 0
        ? fc.oneof(fc.boolean(), conditionArbitrary)
        : fc.boolean(),
      multiple: type === "datetime" && !segment
        ? fc.constant(false)
        : fc.boolean(),
      allowNull: fc.boolean(),
      choices: fc.boolean(),
      limits: fc.boolean(),
      range: fc.constantFrom([0, 0], [0, 4], [1, 10], [2, 4], [0, 10]),
      format: fc.constantFrom(
        undefined,
        "email",
        "ipv4",
        "date",
        "uuid",
        "hostname",
      ),
      additionalProperties: fc.boolean(),
      properties: type === "object"
        ? fc.option(membersArbitrary(depth + 1, segment), { nil: undefined })
        : fc.constant(undefined),
    }).map((options) => {
      const field: Record<string, unknown> = { label: "F", type };
      if (options.required !== false) field.required = options.required;
      if (options.multiple) field.multiple = true;
      // Segment drops allowNull on an object with properties (a deliberate difference).
      if (
        options.allowNull &&
        (segment || !(type === "object" && options.properties !== undefined))
      ) field.allowNull = true;
      // Segment checks no format, length or range on the items of a multiple field (a deliberate difference).
      const single = segment || !options.multiple;
      if (options.choices && (type === "string" || type === "text")) {
        field.choices = ["x", "y", "5"];
      }
      // Segment reads a bare number choice as `choice.value` (undefined): numbers go in { label, value }.
      if (options.choices && (type === "number" || type === "integer")) {
        field.choices = [1, 2, 5].map((value) => ({
          label: String(value),
          value,
        }));
      }
      // Segment ignores limits of 0 and on integers (deliberate differences): only non-zero limits on numbers and strings.
      if (options.limits && single && type === "number") {
        Object.assign(field, {
          minimum: 1,
          maximum: 10,
        });
      }
      if (options.limits && single && type === "string") {
        Object.assign(field, {
          minimum: 2,
          maximum: 4,
        });
      }
      // Limits of 0, on integers, on text and password, and minLength/maxLength (all ignored by Segment).
      if (
        segment && options.limits && type !== "boolean" &&
        type !== "object" && type !== "datetime"
      ) {
        const [minimum, maximum] = options.range;
        Object.assign(field, { minimum, maximum });
        if (type === "string" || type === "text" || type === "password") {
          Object.assign(field, { minLength: 3, maxLength: 3 });
        }
      }
      if (options.format !== undefined && single && type === "string") {
        field
          .format = options.format;
      }
      if (type === "object" && options.properties !== undefined) {
        field.properties = options.properties;
        if (options.additionalProperties) field.additionalProperties = true;
      }
      return field as unknown as InputField;
    })
  );
}

function membersArbitrary(
  depth: number,
  segment = false,
): fc.Arbitrary<InputFields> {
  return fc.dictionary(
    fc.constantFrom("a", "b", "c"),
    fieldArbitrary(depth, segment),
    {
      minKeys: 1,
      maxKeys: 3,
      noNullPrototype: true,
    },
  );
}

// Any value for any key: Segment and destkit must decide alike whatever arrives.
const anyValue = fc.constantFrom(...scalars, ...containers);
const leaf = () => anyValue;

// A condition without a value on a key holding "", 0, false or [null]: Segment's AJV coerces that
// value to null inside the condition and leaves it so in the payload (a deliberate difference).
function hasRewrittenCondition(
  fields: InputFields,
  payload: Record<string, unknown>,
): boolean {
  return Object.values(fields).some((field) =>
    typeof field.required === "object" &&
    field.required.conditions.some((condition) =>
      condition.value === undefined &&
      isRewrittenToNull(payload[condition.fieldKey])
    )
  );
}

function isRewrittenToNull(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length === 1 &&
      (value[0] === null || isRewrittenToNull(value[0]));
  }
  return value === 0 || value === "" || value === false;
}

// Datetime strings Segment accepts and destkit rejects (not real dates) are a deliberate difference.
function hasUnrealDatetime(fields: InputFields, payload: unknown): boolean {
  if (typeof payload !== "object" || payload === null) return false;
  for (const [key, value] of Object.entries(payload)) {
    const field = fields[key];
    if (field === undefined) continue;
    if (
      field.type === "datetime" &&
      (value === "not a date" || value === "0x10" || value === " ")
    ) return true;
    const inner = Array.isArray(value) ? value : [value];
    if (
      field.properties !== undefined &&
      inner.some((item) => hasUnrealDatetime(field.properties!, item))
    ) return true;
  }
  return false;
}

function segmentValidate(
  schema: unknown,
  schemaKey: string,
  payload: unknown,
): { ok: boolean; payload: unknown } {
  const cleaned = removeEmptyValues(structuredClone(payload), schema, true);
  // AJV logs a strict-mode notice for datetime's format on ["string", "number"]: keep it quiet.
  // deno-lint-ignore no-console
  const warn = console.warn;
  // deno-lint-ignore no-console
  console.warn = () => {};
  try {
    validateSchema(cleaned, schema, { schemaKey });
    return { ok: true, payload: cleaned };
  } catch {
    return { ok: false, payload: cleaned };
  } finally {
    // deno-lint-ignore no-console
    console.warn = warn;
  }
}

interface Comparison {
  checked: number;
  accepted: number;
  /** Cases where destkit's native rules decide otherwise than Segment. */
  nativeDiffers: number;
}

// Compares `compile(fields)` with Segment on seeded field sets and payloads; `segment` also
// generates the features of the native deliberate differences, and keeps unreal datetimes.
function compareWithSegment(
  segment: boolean,
  compile: (fields: InputFields) => ReturnType<typeof compileFields>,
): Comparison {
  let accepted = 0;
  let checked = 0;
  let run = 0;
  let nativeDiffers = 0;
  const fieldsAndPayloads = membersArbitrary(0, segment).chain((fields) =>
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
      const compiled = compile(fields);
      const native = compileFields(fields);
      const schema = fieldsToJsonSchema(fields);
      const schemaKey = `${segment ? "segment" : "native"}-set-${run++}`;
      for (const generated of payloads) {
        // A JSON round trip unshares the pooled arrays and objects (AJV coerces in place).
        const payload = JSON.parse(JSON.stringify(generated));
        if (
          (!segment && hasUnrealDatetime(fields, payload)) ||
          hasRewrittenCondition(fields, payload)
        ) continue;
        const before = structuredClone(payload);
        const expected = segmentValidate(schema, schemaKey, payload);
        checked++;
        if (decides(native, payload) !== expected.ok) nativeDiffers++;
        let ours: { ok: boolean; payload: unknown; changes: number };
        try {
          const result = compiled.validate(payload);
          ours = {
            ok: true,
            payload: result.payload,
            changes: result.warnings.length,
          };
        } catch (error) {
          if (!(error instanceof PayloadValidationError)) throw error;
          assert.ok(error.issues.length > 0);
          ours = { ok: false, payload: undefined, changes: 0 };
        }
        assert.deepEqual(payload, before, "the input is unchanged");
        assert.equal(
          ours.ok,
          expected.ok,
          `decision for ${JSON.stringify(payload)} with ${
            JSON.stringify(fields)
          }`,
        );
        if (!ours.ok) continue;
        accepted++;
        assert.deepEqual(
          ours.payload,
          expected.payload,
          `payload for ${JSON.stringify(payload)}`,
        );
        // Every change is reported, and nothing is reported when nothing changed.
        assert.equal(
          ours.changes > 0,
          !isDeepStrictEqual(ours.payload, payload),
          `warnings for ${JSON.stringify(payload)}`,
        );
        // The Standard Schema export runs the same validator.
        const parsed = compiled.schema.safeParse(payload);
        assert.ok(parsed.success, `zod accepts ${JSON.stringify(payload)}`);
        assert.deepEqual(parsed.data, ours.payload);
      }
    }),
    { seed: SEED, numRuns: FIELD_SETS },
  );
  return { checked, accepted, nativeDiffers };
}

function assertCounts({ checked, accepted }: Comparison): void {
  assert.ok(
    checked > FIELD_SETS * PAYLOADS_PER_SET * 0.9,
    `only ${checked} cases were compared`,
  );
  assert.ok(
    accepted > checked / 10 && accepted < checked * 0.9,
    `${accepted} of ${checked} payloads were accepted`,
  );
}

Deno.test(`validatePayload() decides like Segment on ${FIELD_SETS * PAYLOADS_PER_SET} seeded cases`, () => {
  assertCounts(compareWithSegment(false, (fields) => compileFields(fields)));
});

Deno.test(`segmentDialect decides like Segment on ${FIELD_SETS * PAYLOADS_PER_SET} seeded cases, deliberate differences included`, () => {
  const comparison = compareWithSegment(
    true,
    (fields) => compileFields(fields, { dialect: segmentDialect }),
  );
  assertCounts(comparison);
  // The cases exercise the deliberate differences: the native rules decide some otherwise.
  assert.ok(
    comparison.nativeDiffers > comparison.checked / 50,
    `native rules differ on only ${comparison.nativeDiffers} cases`,
  );
});

function decides(
  compiled: ReturnType<typeof compileFields>,
  payload: unknown,
): boolean {
  try {
    compiled.validate(payload);
    return true;
  } catch (error) {
    if (error instanceof PayloadValidationError) return false;
    throw error;
  }
}
