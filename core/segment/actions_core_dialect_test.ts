// The drop-in's Destination on the engines' Segment dialects: subscriptions, payload and
// settings validation and their messages, compared with Segment's packages (test-only oracles).
import assert from "node:assert/strict";
import {
  Destination,
  fieldsToJsonSchema,
  validateSchema,
} from "./actions_core.ts";
import { oracle } from "./_oracle_test.ts";
import {
  allFieldChecks,
  compileFieldChecks,
  segmentDialect,
} from "../fields/mod.ts";
import { subscriptionsOracle as subscriptions } from "./_subscriptions_oracle_test.ts";

const EVENT = {
  type: "track",
  event: "Order Completed",
  userId: "u-1",
  properties: { x: "a", s: "z", total: 5 },
};

// Segment caches compiled schemas by destination and action name, so each definition gets its own.
let definitions = 0;

// deno-lint-ignore no-explicit-any
function definitionWith(fields: Record<string, any>, settings = {}): any {
  definitions += 1;
  return {
    name: `DialectTest${definitions}`,
    mode: "cloud",
    authentication: { scheme: "custom", fields: settings },
    actions: {
      send: {
        title: "Send",
        description: "Returns its payload",
        fields,
        perform: (_request: unknown, { payload }: { payload: unknown }) =>
          payload,
      },
    },
  };
}

// Runs one event through the drop-in's and Segment's Destination; both results or errors.
async function both(
  // deno-lint-ignore no-explicit-any
  definition: any,
  subscribe: string,
  mapping: Record<string, unknown>,
  settings: Record<string, unknown> = {},
): Promise<[unknown, unknown]> {
  const run = async (
    Class: new (definition: unknown) => {
      onEvent(event: unknown, settings: unknown): Promise<unknown>;
    },
  ) => {
    try {
      return await new Class(definition).onEvent(structuredClone(EVENT), {
        ...structuredClone(settings),
        subscriptions: [{ partnerAction: "send", subscribe, mapping }],
      });
    } catch (error) {
      const { name, message } = error as Error;
      return { name, message };
    }
  };
  return [await run(Destination as never), await run(oracle.Destination)];
}

Deno.test("the drop-in's Destination answers as Segment's", async (t) => {
  await t.step(
    "subscription queries get Segment's parse and answer",
    async () => {
      const definition = definitionWith({
        event: { label: "Event", type: "string" },
      });
      const queries = [
        'type = "track"',
        "type = track",
        'type == "track"',
        'type = "track" and',
        'type = "track" and and event = "Order Completed"',
        'event = "x" and type = "track" or type = "identify"',
        "properties.x != true",
        'properties.s < "m"',
        'match(event, "Order*")',
        'match(event, "O*d")',
        "properties.total > 4 or",
        "",
        "all",
      ];
      for (const query of queries) {
        const parsed = subscriptions.parseFql(query);
        const subscribed = parsed.error === undefined &&
          subscriptions.validate(parsed, EVENT);
        const [ours, theirs] = await both(definition, query, {
          event: { "@path": "$.event" },
        });
        assert.deepEqual(ours, theirs, query);
        // The oracle's decision shows in the result: not subscribed, a parse error, or executed.
        const output = JSON.stringify(ours);
        if (query === "" || parsed.error !== undefined) {
          assert.match(output, /Invalid subscription|Failed to validate/);
        } else {
          assert.equal(output.includes("not subscribed"), !subscribed, query);
        }
      }
    },
  );

  await t.step(
    "field definitions Segment accepts run, with Segment's decisions",
    async () => {
      const definition = definitionWith({
        note: {
          label: "Note",
          type: "string",
          properties: { a: { label: "A", type: "string" } },
        },
        secret: { label: "Secret", type: "password", format: "uri" },
        count: { label: "Count", type: "integer", minimum: 0 },
        at: { label: "At", type: "datetime" },
        total: { label: "Total", type: "number", minimum: 0, maximum: 0 },
      });
      const [ours, theirs] = await both(definition, 'type = "track"', {
        note: "plain text",
        secret: "https://example.com/a",
        count: -1,
        at: "hello 1",
        total: -3,
      });
      assert.deepEqual(ours, theirs);
      assert.equal(JSON.stringify(ours).includes("Action Executed"), true);
    },
  );

  await t.step("settings are checked as written, as Segment does", async () => {
    const definition = definitionWith({}, {
      apiKey: { label: "API Key", type: "string", required: true },
      region: { label: "Region", type: "string", properties: {} },
    });
    for (const settings of [{ apiKey: "", region: "eu" }, { region: "eu" }]) {
      const [ours, theirs] = await both(
        definition,
        'type = "track"',
        {},
        settings,
      );
      assert.deepEqual(ours, theirs, JSON.stringify(settings));
    }
  });
});

Deno.test("validation errors are worded and ordered as Segment's AJV words them", async (t) => {
  const fields = {
    name: { label: "Name", type: "string", required: true },
    email: { label: "Email", type: "string", format: "email" },
    site: { label: "Site", type: "string", format: "uri" },
    plan: { label: "Plan", type: "string", choices: ["free", "pro", "team"] },
    code: { label: "Code", type: "string", minimum: 3, maximum: 4 },
    total: { label: "Total", type: "number", minimum: 1, maximum: 9 },
    company: {
      label: "Company",
      type: "object",
      properties: { id: { label: "ID", type: "string", required: true } },
    },
    items: {
      label: "Items",
      type: "object",
      multiple: true,
      properties: { sku: { label: "SKU", type: "string", required: true } },
    },
    meta: { label: "Meta", type: "object" },
  };
  const payloads = [
    {},
    { name: "a", meta: [1] },
    { meta: "x", name: "n", items: [{}] },
    { name: "a", email: "nope", site: "not a uri" },
    { name: "a", plan: "gold" },
    { name: "a", code: "ab" },
    { name: "a", code: "abcdef" },
    { name: "a", total: 0 },
    { name: "a", total: 12 },
    { name: "a", company: {} },
    { name: "a", items: [{ sku: "1" }, {}] },
    { company: { id: 5 }, items: [{}] },
  ];
  for (const payload of payloads) {
    await t.step(JSON.stringify(payload), () => {
      const message = (run: () => unknown) => {
        try {
          return run();
        } catch (error) {
          return (error as Error).message;
        }
      };
      const ours = message(() =>
        validateSchema(structuredClone(payload), fieldsToJsonSchema(fields))
      );
      const theirs = message(() =>
        oracle.validateSchema(
          structuredClone(payload),
          oracle.fieldsToJsonSchema(fields),
        )
      );
      assert.equal(ours, theirs);
    });
  }
});

Deno.test("the field engine's options the drop-in uses", async (t) => {
  const fields = {
    key: { label: "Key", type: "string", required: true },
    region: {
      label: "Region",
      type: "string",
      properties: { a: { label: "A", type: "string" } },
    },
  } as const;
  const options = { ...allFieldChecks, dialect: segmentDialect };

  await t.step("segmentDialect reads properties on object fields only", () => {
    const { payload } = compileFieldChecks(fields, options).validate({
      key: "k",
      region: "eu",
    });
    assert.deepEqual(payload, { key: "k", region: "eu" });
    // Native reads them: a string is not an object.
    assert.throws(
      () =>
        compileFieldChecks(fields, allFieldChecks).validate({
          key: "k",
          region: "eu",
        }),
      /region/,
    );
  });

  await t.step("removeEmpty: false checks values as written", () => {
    const written = compileFieldChecks(fields, {
      ...options,
      removeEmpty: false,
    });
    assert.deepEqual(written.validate({ key: "" }).payload, { key: "" });
    assert.throws(
      () => compileFieldChecks(fields, options).validate({ key: "" }),
      /key: is required/,
    );
  });
});
