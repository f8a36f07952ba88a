import assert from "node:assert/strict";
import {
  compileMapping,
  type InputFields,
  validatePayload,
} from "@destkit/core";
import { fieldsArbitrary, generateTestData } from "@destkit/test";
import fc from "fast-check";

const FIELDS = {
  email: { label: "Email", type: "string", format: "email", required: true },
  website: { label: "Website", type: "string", format: "uri" },
  id: { label: "ID", type: "string", format: "uuid" },
  at: { label: "At", type: "datetime", required: true },
  day: { label: "Day", type: "string", format: "date" },
  first: { label: "First name", type: "string" },
  last: { label: "Last name", type: "string" },
  code: { label: "Code", type: "string", minLength: 12, maxLength: 12 },
  plan: {
    label: "Plan",
    type: "string",
    choices: [{ label: "Free", value: "free" }, { label: "Pro", value: "pro" }],
  },
  score: { label: "Score", type: "number", minimum: 0, maximum: 1 },
  rank: {
    label: "Rank",
    type: "integer",
    minimum: 10,
    maximum: 12,
    required: true,
  },
  active: { label: "Active", type: "boolean" },
  tags: { label: "Tags", type: "string", multiple: true },
  items: {
    label: "Items",
    type: "object",
    multiple: true,
    properties: {
      sku: { label: "SKU", type: "string", required: true },
      price: { label: "Price", type: "number", minimum: 1 },
    },
  },
  extra: { label: "Extra", type: "object" },
} as const satisfies InputFields;

Deno.test("generateTestData() derives valid, reproducible data from the fields", async (t) => {
  const data = generateTestData(FIELDS, { seed: 7 });

  await t.step("a value per field that validates unchanged", () => {
    assert.deepEqual(Object.keys(data.payload), Object.keys(FIELDS));
    const { payload, warnings } = validatePayload(FIELDS, data.payload);
    assert.deepEqual(payload, data.payload);
    assert.deepEqual(warnings, []);
  });
  await t.step("constraints are honoured", () => {
    const p = data.payload as Record<string, unknown>;
    assert.match(p.email as string, /^[^@\s]+@example\.com$/);
    assert.equal((p.code as string).length, 12);
    assert.ok(["free", "pro"].includes(p.plan as string));
    assert.ok((p.score as number) >= 0 && (p.score as number) <= 1);
    assert.ok([10, 11, 12].includes(p.rank as number));
    assert.ok(Array.isArray(p.tags) && p.tags.length >= 1);
    for (const item of p.items as { sku: string; price: number }[]) {
      assert.equal(typeof item.sku, "string");
      assert.ok(item.price >= 1);
    }
  });
  await t.step("different values per field", () => {
    assert.notEqual(data.payload.first, data.payload.last);
  });
  await t.step(
    "the same seed gives the same data, another seed other data",
    () => {
      assert.deepEqual(generateTestData(FIELDS, { seed: 7 }), data);
      assert.notDeepEqual(
        generateTestData(FIELDS, { seed: 8 }).payload,
        data.payload,
      );
    },
  );
  await t.step("the mapping produces the payload from the event", () => {
    assert.deepEqual(
      compileMapping(data.mapping).resolve(data.event),
      data.payload,
    );
  });
  await t.step("requiredOnly keeps the required fields", () => {
    assert.deepEqual(
      Object.keys(generateTestData(FIELDS, { requiredOnly: true }).payload),
      ["email", "at", "rank"],
    );
  });
  await t.step("an unknown type is a TypeError naming the field", () => {
    assert.throws(
      () =>
        generateTestData(
          { x: { label: "X", type: "strin" } } as unknown as InputFields,
        ),
      /Cannot generate test data for "x": unknown field type "strin"/,
    );
  });
});

Deno.test("fieldsArbitrary() generates payloads the fields accept", () => {
  fc.assert(
    fc.property(fieldsArbitrary(FIELDS), (payload) => {
      const result = validatePayload(FIELDS, payload);
      assert.deepEqual(result.payload, payload);
    }),
    { numRuns: 300, seed: 42 },
  );
  fc.assert(
    fc.property(fieldsArbitrary(FIELDS, { requiredOnly: true }), (payload) => {
      assert.deepEqual(Object.keys(payload).sort(), ["at", "email", "rank"]);
    }),
    { numRuns: 50, seed: 1 },
  );
});
