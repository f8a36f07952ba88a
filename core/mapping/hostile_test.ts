// Hostile input: deep or cyclic mappings and events, huge arrays, prototype keys.
import assert from "node:assert/strict";
import {
  compileMapping,
  getTemplateKeys,
  MappingBudgetError,
  MappingDepthError,
  MappingResolveError,
  MappingValueError,
  transform,
  transformBatch,
  validateMapping,
  ValidationError,
} from "./mod.ts";

function nested(
  levels: number,
  leaf: unknown,
  wrap: (inner: unknown) => unknown,
): unknown {
  let value = leaf;
  for (let index = 0; index < levels; index++) value = wrap(value);
  return value;
}

Deno.test("deep and cyclic input gets a MappingDepthError", async (t) => {
  const cases: Array<{ name: string; run: () => unknown }> = [
    {
      name: "mapping nested 10,000 objects deep",
      run: () => transform(nested(10_000, 1, (v) => ({ a: v })) as object, {}),
    },
    {
      name: "mapping nested 10,000 directives deep",
      run: () =>
        transform({ v: nested(10_000, "x", (v) => ({ "@literal": v })) }, {}),
    },
    {
      name: "mapping nested 10,000 arrays deep",
      run: () => transform({ v: nested(10_000, 1, (v) => [v]) }, {}),
    },
    {
      name: "validating a 10,000-level mapping",
      run: () => validateMapping(nested(10_000, 1, (v) => ({ a: v }))),
    },
    {
      name: "cyclic mapping",
      run: () => {
        const mapping: Record<string, unknown> = {};
        mapping.self = mapping;
        return compileMapping(mapping);
      },
    },
    {
      name: "cyclic event copied by @path",
      run: () => {
        const event: Record<string, unknown> = {};
        event.self = event;
        return transform({ v: { "@path": "$.self" } }, event);
      },
    },
    {
      name: "cyclic event flattened",
      run: () => {
        const event: Record<string, unknown> = {};
        event.self = event;
        return transform({
          v: { "@flatten": { separator: ".", value: { "@path": "$." } } },
        }, event);
      },
    },
    {
      name: "cyclic event cleaned of nulls",
      run: () => {
        const event: Record<string, unknown> = {};
        event.self = event;
        return transform(
          { v: { "@excludeWhenNull": { "@path": "$." } } },
          event,
        );
      },
    },
    {
      name: "JSON decoded 100,000 levels deep",
      run: () =>
        transform({
          v: { "@json": { mode: "decode", value: { "@path": "$.s" } } },
        }, { s: "[".repeat(100_000) + "]".repeat(100_000) }),
    },
  ];
  for (const { name, run } of cases) {
    await t.step(name, () => assert.throws(run, MappingDepthError));
  }
  await t.step(
    "an event 100,000 levels deep can still be encoded as JSON",
    () => {
      const event = nested(100_000, 1, (v) => ({ a: v })) as object;
      const result = transform({
        v: { "@json": { mode: "encode", value: { "@path": "$." } } },
      }, event);
      assert.equal(typeof result.v, "string");
    },
  );
  await t.step("400 levels are fine", () => {
    const event = nested(400, 1, (v) => ({ a: v })) as object;
    assert.deepStrictEqual(transform({ v: { "@path": "$." } }, event), {
      v: event,
    });
  });
});

Deno.test("huge arrays resolve without overflowing the stack", async (t) => {
  // Past the default maxWork (250,000): these steps are about the stack, not the budget.
  const budgets = { maxWork: 10_000_000 };
  const items = Array.from({ length: 200_000 }, (_, index) => ({ id: index }));
  await t.step("@arrayPath over 200,000 items", () => {
    const result = transform(
      {
        v: { "@arrayPath": ["$.items", { n: { "@path": "$.id" } }] },
      },
      { items },
      budgets,
    );
    assert.equal((result.v as unknown[]).length, items.length);
  });
  await t.step("@flatten of 200,000 items", () => {
    const result = transform(
      {
        v: { "@flatten": { separator: ".", value: { "@path": "$.items" } } },
      },
      { items },
      budgets,
    );
    assert.equal(Object.keys(result.v as object).length, items.length);
  });
  await t.step("@merge of 200,000 objects", () => {
    const objects = Array.from(
      { length: 200_000 },
      (_, index) => ({ [`k${index % 10}`]: index }),
    );
    const result = transform(
      {
        v: { "@merge": { direction: "right", objects } },
      },
      {},
      budgets,
    );
    assert.equal(Object.keys(result.v as object).length, 10);
  });
});

Deno.test("prototype keys never read or write Object.prototype", async (t) => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const reads: Array<
    { name: string; mapping: Record<string, unknown>; expected: unknown }
  > = [
    ...["__proto__", "constructor.prototype", "a.prototype", "toString"].map(
      (path) => ({
        name: `@path ${path}`,
        mapping: { v: { "@path": `$.${path}` } },
        expected: {},
      }),
    ),
    {
      name: "@template constructor",
      mapping: { v: { "@template": "[{{constructor}}|{{__proto__}}]" } },
      expected: { v: "[|]" },
    },
    {
      name: "@arrayPath __proto__",
      mapping: {
        v: {
          "@arrayPath": ["$.__proto__", { x: { "@path": "$.constructor" } }],
        },
      },
      expected: {},
    },
  ];
  for (const { name, mapping, expected } of reads) {
    await t.step(
      `${name} reads nothing inherited`,
      () => assert.deepStrictEqual(transform(mapping, { a: {} }), expected),
    );
  }
  await t.step(
    "own __proto__ keys in events and mappings change no prototype",
    () => {
      const event = JSON.parse(
        '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "prototype": 3}',
      );
      const mapping = JSON.parse(`{
      "__proto__": {"polluted": {"@path": "$.__proto__.polluted"}},
      "copy": {"@path": "$."},
      "merged": {"@merge": {"direction": "right", "objects": [{"@path": "$."}, {"@path": "$.constructor"}]}},
      "flat": {"@flatten": {"separator": ".", "value": {"@path": "$."}}},
      "clean": {"@excludeWhenNull": {"@path": "$."}},
      "ctor": {"@path": "$.constructor.prototype.polluted"},
      "proto": {"@path": "$.prototype"}
    }`);
      const result = transform(mapping, event);
      for (const value of [result, result.copy, result.merged, result.clean]) {
        assert.equal(Object.getPrototypeOf(value), Object.prototype);
        assert.equal(Object.hasOwn(value as object, "__proto__"), false);
      }
      assert.equal(result.ctor, 2);
      assert.equal(result.proto, 3);
      assert.deepStrictEqual(result.merged, {
        constructor: { prototype: { polluted: 2 } },
        prototype: { polluted: 2 },
      });
      assert.equal(
        Object.hasOwn(result.flat as object, "__proto__.polluted"),
        true,
      );
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepStrictEqual(
        Object.getOwnPropertyNames(Object.prototype).sort(),
        before,
      );
    },
  );
});

function isBudgetError(
  budget: "maxOutputSize" | "maxWork" | "either",
  place: string,
): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof MappingBudgetError, String(error));
    assert.equal(error.code, "MAPPING_BUDGET_EXCEEDED");
    assert.equal(error.status, 400);
    assert.equal(error.retryable, false);
    if (budget !== "either") assert.equal(error.budget, budget);
    assert.ok(error.message.includes(place), error.message);
    return true;
  };
}

Deno.test("a directive that would outgrow the engine gets a MappingBudgetError", async (t) => {
  const replace = (replacement: string, options: object = {}) => ({
    "@replace": {
      pattern: "a",
      replacement,
      ...options,
      value: { "@path": "$.a" },
    },
  });
  let doubling: unknown = { a: { "@path": "$." }, b: { "@path": "$." } };
  for (let index = 0; index < 30; index++) {
    doubling = {
      "@transform": {
        apply: { a: { "@path": "$." }, b: { "@path": "$." } },
        mapping: doubling,
      },
    };
  }
  // Each case maps `v` from `event` (under `options`) and names the budget and the place at fault.
  const cases: Array<{
    name: string;
    v: unknown;
    event: object;
    options?: { maxWork: number };
    budget: "maxOutputSize" | "maxWork" | "either";
    place: string;
  }> = [{
    name: "@replace with $& nested 12 times on one character",
    v: nested(12, { "@path": "$.a" }, (inner) => ({
      "@replace": { pattern: "a", replacement: "$&$&$&$&$&", value: inner },
    })),
    event: { a: "a" },
    // Each match counts as work too: the work budget or the size of a step runs out first.
    budget: "either",
    place: "@replace at /v/@replace/value/@replace",
  }, {
    name: "@replace with $& once over a 60 MB value",
    v: replace("$&$&$&$&$&"),
    event: { a: "a".repeat(60_000_000) },
    budget: "maxOutputSize",
    place: "@replace at /v/@replace",
  }, {
    name: "@replace with $` and $' (quadratic output)",
    v: replace("$`$'", { ignorecase: true }),
    event: { a: "a".repeat(100_000) },
    budget: "maxOutputSize",
    place: "@replace at /v/@replace",
  }, {
    name: "{{{...}}} re-scanning a 100 KB value as a template",
    v: { "@template": "{{{properties.note}}}" },
    event: { properties: { note: "{{properties.note}}".repeat(5_000) } },
    budget: "maxWork",
    place: "@template at /v/@template",
  }, {
    name: "24 nested @json encodes",
    v: nested(24, { "@path": "$." }, (inner) => ({
      "@json": { mode: "encode", value: inner },
    })),
    event: { a: '"\\' },
    budget: "maxWork",
    place: "@json at /v/@json/value/@json",
  }, {
    // Under a larger work budget, the output size check stops the same two mappings.
    name: "{{{...}}} re-scanning a 100 KB value, under a larger work budget",
    v: { "@template": "{{{properties.note}}}" },
    event: { properties: { note: "{{properties.note}}".repeat(5_000) } },
    options: { maxWork: 2_000_000 },
    budget: "maxOutputSize",
    place: "@template at /v/@template",
  }, {
    name: "24 nested @json encodes, under a larger work budget",
    v: nested(24, { "@path": "$." }, (inner) => ({
      "@json": { mode: "encode", value: inner },
    })),
    event: { a: '"\\' },
    options: { maxWork: 2_000_000 },
    budget: "maxOutputSize",
    place: "@json at /v/@json/value/@json",
  }, {
    name: "@merge of a 10 MB string",
    v: { "@merge": { direction: "right", objects: [{ "@path": "$.s" }] } },
    event: { s: "x".repeat(10_000_000) },
    budget: "maxWork",
    place: "@merge at /v/@merge",
  }, {
    name: "@transform doubling the event 30 times (maxWork)",
    v: doubling,
    event: { x: 1 },
    options: { maxWork: 100_000 },
    budget: "maxWork",
    place: "@transform at /v/@transform",
  }];
  for (const { name, v, event, options, budget, place } of cases) {
    await t.step(name, () => {
      assert.throws(
        () => transform({ v }, event, options),
        isBudgetError(budget, place),
      );
    });
  }
  await t.step("@arrayPath and @flatten count each entry (maxWork)", () => {
    const items = Array.from({ length: 1_000 }, (_, id) => ({ id }));
    for (
      const v of [
        { "@arrayPath": ["$.items", { n: { "@path": "$.id" } }] },
        { "@flatten": { separator: ".", value: { "@path": "$.items" } } },
      ]
    ) {
      assert.throws(
        () => transform({ v }, { items }, { maxWork: 1_000 }),
        MappingBudgetError,
      );
      assert.ok(transform({ v }, { items }, { maxWork: 10_000 }).v);
    }
  });
  await t.step("the budgets are options a host can change", () => {
    const mapping = { v: replace("$&$&") };
    const event = { a: "a".repeat(1_000) };
    assert.equal(transform(mapping, event).v, "a".repeat(2_000));
    assert.throws(
      () => transform(mapping, event, { maxOutputSize: 1_999 }),
      isBudgetError("maxOutputSize", "@replace at /v/@replace"),
    );
    assert.equal(
      transform(mapping, event, { maxOutputSize: 2_000 }).v,
      "a".repeat(2_000),
    );
    assert.throws(
      () => compileMapping(mapping, { maxWork: 0 }),
      /maxWork must be a positive integer/,
    );
    assert.throws(
      () => transformBatch(mapping, [event], { maxOutputSize: 10 }),
      MappingBudgetError,
    );
  });
});

Deno.test("event data that breaks the engine's conversions gets typed errors", async (t) => {
  const event = JSON.parse('{"a": {"toString": 1}, "n": {"valueOf": 1}}');
  const cases: Array<{ name: string; mapping: Record<string, unknown> }> = [
    { name: "@template", mapping: { v: { "@template": "{{a}}" } } },
    { name: "@template {{{a}}}", mapping: { v: { "@template": "{{{a}}}" } } },
    {
      name: "@template from a directive",
      mapping: { v: { "@template": { "@path": "$.t" } } },
    },
    {
      name: "@if blank",
      mapping: { v: { "@if": { blank: { "@path": "$.a" }, then: 1 } } },
    },
    { name: "@liquid", mapping: { v: { "@liquid": "{{ a }}" } } },
  ];
  for (const { name, mapping } of cases) {
    await t.step(`${name} throws a MappingValueError`, () => {
      assert.throws(
        () => transform(mapping, { ...event, t: "{{a}}" }),
        (error: unknown) => {
          assert.ok(error instanceof MappingValueError, String(error));
          assert.equal(error.code, "MAPPING_VALUE_INVALID");
          assert.equal(error.retryable, false);
          assert.match(error.message, /^Cannot resolve mapping: @\w+ at \/v\//);
          return true;
        },
      );
    });
  }
  await t.step("an own valueOf key alone still gives Segment's answer", () => {
    assert.deepStrictEqual(transform({ v: { "@template": "{{n}}" } }, event), {
      v: "[object Object]",
    });
  });
  await t.step(
    "{{ a | json }} on a deep value throws a MappingDepthError",
    () => {
      const deep = nested(20_000, 1, (v) => ({ a: v }));
      assert.throws(
        () => transform({ v: { "@liquid": "{{ a | json }}" } }, { a: deep }),
        MappingDepthError,
      );
    },
  );
  await t.step("a null or undefined mapping throws a ValidationError", () => {
    for (const mapping of [null, undefined]) {
      assert.throws(() => transform(mapping), ValidationError);
      assert.throws(() => validateMapping(mapping), ValidationError);
      assert.throws(() => compileMapping(mapping), ValidationError);
    }
    assert.throws(
      () => validateMapping(null),
      { message: "/ should be an object but it is null." },
    );
  });
  await t.step("a null root directive throws a ValidationError", () => {
    const mapping = { __segment_internal_directive: null, a: 1 };
    assert.throws(() => transform(mapping, {}), {
      name: "ValidationError",
      message:
        "/__segment_internal_directive should be a directive object but it is null.",
    });
    assert.throws(() => validateMapping(mapping), ValidationError);
  });
});

Deno.test("arrays and objects without a prototype are mapped like others", async (t) => {
  const bare = <T extends object>(value: T): T =>
    Object.setPrototypeOf(value, null);
  await t.step("in the event", () => {
    const event = {
      items: bare([{ id: 1 }, { id: 2 }]),
      object: bare({ a: null, b: bare([1, 2]) }),
    };
    const result = transform({
      ids: { "@arrayPath": ["$.items", { n: { "@path": "$.id" } }] },
      items: { "@path": "$.items" },
      flat: { "@flatten": { separator: ".", value: { "@path": "$.object" } } },
      clean: { "@excludeWhenNull": { "@path": "$.object" } },
      merged: {
        "@merge": { direction: "left", objects: [{ "@path": "$.object" }] },
      },
      json: { "@json": { mode: "encode", value: { "@path": "$.object" } } },
    }, event);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(result)), {
      ids: [{ n: 1 }, { n: 2 }],
      items: [{ id: 1 }, { id: 2 }],
      flat: { a: null, "b.0": 1, "b.1": 2 },
      clean: { b: [1, 2] },
      merged: { a: null, b: [1, 2] },
      json: '{"a":null,"b":[1,2]}',
    });
    assert.throws(
      () => transform({ v: { "@template": "{{object}}" } }, event),
      MappingValueError,
    );
  });
  await t.step("in the mapping", () => {
    const mapping = {
      list: bare([1, { "@path": "$.a" }]),
      arrayPath: { "@arrayPath": bare(["$.items", { n: { "@path": "$.n" } }]) },
      merged: {
        "@merge": { direction: "right", objects: bare([{ x: 1 }, { y: 2 }]) },
      },
    };
    validateMapping(mapping);
    assert.deepStrictEqual(
      JSON.parse(
        JSON.stringify(
          transformBatch(mapping, bare([{ a: 3, items: [{ n: 4 }] }])),
        ),
      ),
      [{ list: [1, 3], arrayPath: [{ n: 4 }], merged: { x: 1, y: 2 } }],
    );
  });
});

Deno.test("faults found while resolving are typed, with Segment's messages", async (t) => {
  const cases: Array<[string, unknown, unknown, string]> = [
    [
      "data that is not an object",
      { a: 1 },
      "text",
      "data must be an object, got string",
    ],
    [
      "@flatten without a separator",
      { v: { "@flatten": { value: { "@path": "$.a" } } } },
      { a: { b: 1 } },
      '@flatten requires a "separator" key',
    ],
    [
      "a disabled Liquid tag",
      { v: { "@liquid": "{% for x in a %}{{x}}{% endfor %}" } },
      { a: [1] },
      'tag "for" is disabled',
    ],
    [
      "an unclosed Liquid output",
      { v: { "@liquid": "{{ a" } },
      { a: 1 },
      'output "{{ a" not closed',
    ],
  ];
  for (const [name, mapping, event, message] of cases) {
    await t.step(name, () => {
      assert.throws(
        () => transform(mapping as object, event as object),
        (error) =>
          error instanceof MappingResolveError &&
          error.message.startsWith(message) &&
          error.retryable === false,
      );
    });
  }
});

Deno.test("a mapping of more than 62,500 entries is refused before it is checked or compiled", async (t) => {
  const spread = "a.".repeat(50_000);
  const wide = Object.fromEntries(
    Array.from({ length: 100_000 }, (_, index) => [`k${index}`, index]),
  );
  for (
    const [name, run] of [
      [
        "transform of a 100 KB string mapping",
        () => transform(spread as unknown as object, {}),
      ],
      [
        "validateMapping of a 100 KB string mapping",
        () => validateMapping(spread),
      ],
      ["compileMapping of 100,000 keys", () => compileMapping(wide)],
    ] as const
  ) {
    await t.step(name, () => {
      assert.throws(
        run,
        isBudgetError("maxWork", "it has more than 62500 entries"),
      );
    });
  }
  await t.step("a lower maxWork lowers the limit", () => {
    assert.throws(
      () => compileMapping({ a: 1, b: 2, c: 3 }, { maxWork: 8 }),
      isBudgetError("maxWork", "it has more than 2 entries"),
    );
  });
});

Deno.test("templates are scanned in one pass", async (t) => {
  await t.step("100,000 unclosed braces render and list no keys", () => {
    // Segment's patterns backtrack over the whole run from every brace (8.6 s here before).
    for (const template of ["{".repeat(100_000), "{{a".repeat(50_000)]) {
      assert.equal(
        transform({ out: { "@template": template } }, {}).out,
        template,
      );
      assert.deepEqual(getTemplateKeys(template), []);
    }
  });
});
