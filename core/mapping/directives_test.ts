// One table per directive: fixed mappings and events with the result Segment gives (quirks included).
import assert from "node:assert/strict";
import { MappingResolveError, transform } from "./mod.ts";

type Case = {
  name: string;
  /** The table's directive's value: the mapping is `{ v: { [directive]: args } }`. */
  args?: unknown;
  /** A whole mapping instead, for a case that is not the directive alone under `v`. */
  mapping?: unknown;
  event?: unknown;
  expected?: unknown;
  throws?: RegExp;
};

const event = {
  type: "track",
  userId: "u1",
  zero: 0,
  empty: "",
  no: false,
  nothing: null,
  list: ["a", "b"],
  "dot.key": "dotted",
  traits: {
    email: "Ada@Example.com",
    name: "Ada",
    plan: null,
    tags: ["x", "y"],
  },
  properties: {
    price: 9.5,
    items: [{ sku: "s1", qty: 1 }, { sku: "s2", qty: 2 }],
    nested: { a: { b: 1 }, e: {} },
  },
};

const tables: Record<string, Case[]> = {
  "@path": [
    {
      name: "reads a nested value",
      args: "$.traits.email",
      expected: { v: "Ada@Example.com" },
    },
    {
      name: "removes only the first $.",
      args: "traits.$.name",
      expected: { v: "Ada" },
    },
    {
      name: '"" is the root',
      args: "",
      expected: { v: event },
    },
    {
      name: '"$." is the root',
      args: "$.",
      expected: { v: event },
    },
    {
      name: "through 0 gives 0",
      args: "$.zero.x",
      expected: { v: 0 },
    },
    {
      name: 'through "" gives ""',
      args: "$.empty.x.y",
      expected: { v: "" },
    },
    {
      name: "through null gives null",
      args: "$.nothing.x",
      expected: { v: null },
    },
    {
      name: "missing drops the key",
      args: "$.missing.x",
      expected: {},
    },
    {
      name: "string length",
      args: "$.userId.length",
      expected: { v: 2 },
    },
    {
      name: "array index",
      args: "$.list[1]",
      expected: { v: "b" },
    },
    {
      name: "string index",
      args: "$.userId.1",
      expected: { v: "1" },
    },
    {
      name: "['dot.key'] still splits",
      args: "$['dot.key']",
      expected: {},
    },
    {
      name: "a non-string path throws",
      mapping: { v: [{ "@path": 5 }] },
      throws: /@path: expected string, got number$/,
    },
  ],
  "@template": [
    {
      name: "renders paths",
      args: "{{traits.name}} <{{traits.email}}>",
      expected: { v: "Ada <Ada@Example.com>" },
    },
    {
      name: "triple braces are the same",
      args: "{{{traits.name}}}",
      expected: { v: "Ada" },
    },
    {
      name: "null and missing render empty",
      args: "[{{traits.plan}}|{{nope}}]",
      expected: { v: "[|]" },
    },
    {
      name: "arrays join with commas",
      args: "{{traits.tags}}",
      expected: { v: "x,y" },
    },
    {
      name: "objects render as [object Object]",
      args: "{{traits}}",
      expected: { v: "[object Object]" },
    },
    {
      name: "$. is not stripped",
      args: "{{$.userId}}",
      expected: { v: "" },
    },
    {
      name: "nothing is escaped",
      args: "{{t}}",
      event: { t: "<b>&" },
      expected: { v: "<b>&" },
    },
  ],
  "@literal": [
    {
      name: "returns the value",
      args: { a: [1, "x"] },
      expected: { v: { a: [1, "x"] } },
    },
    {
      name: "resolves directives inside",
      args: { id: { "@path": "$.userId" } },
      expected: { v: { id: "u1" } },
    },
  ],
  "@if": [
    {
      name: "exists then",
      args: { exists: { "@path": "$.zero" }, then: "yes", else: "no" },
      expected: { v: "yes" },
    },
    {
      name: "null does not exist",
      args: { exists: { "@path": "$.nothing" }, then: "yes", else: "no" },
      expected: { v: "no" },
    },
    {
      name: "0 is blank",
      args: { blank: { "@path": "$.zero" }, then: "yes", else: "no" },
      expected: { v: "no" },
    },
    {
      name: "[] is blank",
      args: { blank: { "@literal": [] }, then: "yes", else: "no" },
      expected: { v: "no" },
    },
    {
      name: "a falsy then is returned",
      args: { exists: "x", then: 0 },
      expected: { v: 0 },
    },
    {
      name: "a falsy else drops the key",
      args: { exists: { "@path": "$.nope" }, then: 1, else: 0 },
      expected: {},
    },
    {
      name: "a falsy literal condition throws",
      args: { exists: 0, then: 1 },
      throws: /@if requires an "exists" key or a "blank" key$/,
    },
  ],
  "@case": [
    {
      name: "lower",
      args: { operator: "lower", value: { "@path": "$.traits.email" } },
      expected: { v: "ada@example.com" },
    },
    {
      name: "upper",
      args: { operator: "upper", value: "ümlaut" },
      expected: { v: "ÜMLAUT" },
    },
    {
      name: "non-strings pass",
      args: { operator: "lower", value: { "@path": "$.zero" } },
      expected: { v: 0 },
    },
    {
      name: "an unknown operator throws",
      args: { operator: "title", value: "x" },
      throws: /should have a value of "lower" or "upper"/,
    },
  ],
  "@replace": [
    {
      name: "global by default",
      args: { pattern: "a", replacement: "o", value: "banana" },
      expected: { v: "bonono" },
    },
    {
      name: "the pattern is literal",
      args: { pattern: ".", replacement: "-", value: "a.b" },
      expected: { v: "a-b" },
    },
    {
      name: "$& is live",
      args: { pattern: "n", replacement: "[$&]", value: "nan" },
      expected: { v: "[n]a[n]" },
    },
    {
      name: "ignorecase",
      args: {
        pattern: "A",
        replacement: "",
        ignorecase: true,
        global: false,
        value: "aA",
      },
      expected: { v: "A" },
    },
    {
      name: "numbers are stringified",
      args: {
        pattern: "5",
        replacement: "0",
        value: { "@path": "$.properties.price" },
      },
      expected: { v: "9.0" },
    },
    {
      name: "null becomes empty",
      args: { pattern: "a", value: { "@path": "$.nothing" } },
      expected: { v: "" },
    },
    {
      name: 'a literal "" drops the key',
      args: { pattern: "a", value: "" },
      expected: {},
    },
    {
      name: "pattern2 runs after",
      args: {
        pattern: "a",
        replacement: "b",
        pattern2: "b",
        replacement2: "c",
        value: "ab",
      },
      expected: { v: "cc" },
    },
  ],
  "@arrayPath": [
    {
      name: "maps items through a shape",
      args: ["$.properties.items", { id: { "@path": "$.sku" } }],
      expected: { v: [{ id: "s1" }, { id: "s2" }] },
    },
    {
      name: "a single object becomes one item",
      args: ["$.traits", { n: { "@path": "$.name" } }],
      expected: { v: [{ n: "Ada" }] },
    },
    {
      name: "without a shape, the value as is",
      args: ["$.list"],
      expected: { v: ["a", "b"] },
    },
    {
      name: "not an array throws",
      mapping: { v: [{ "@arrayPath": "$.list" }] },
      throws: /@arrayPath expected array, got string$/,
    },
  ],
  "@json": [
    {
      name: "encode",
      args: { mode: "encode", value: { "@path": "$.list" } },
      expected: { v: '["a","b"]' },
    },
    {
      name: "decode",
      args: { mode: "decode", value: '{"a":1}' },
      expected: { v: { a: 1 } },
    },
    {
      name: "decode keeps text that is not JSON",
      args: { mode: "decode", value: "{x" },
      expected: { v: "{x" },
    },
    {
      name: "ENCODE validates but gives nothing",
      args: { mode: "ENCODE", value: "x" },
      expected: {},
    },
  ],
  "@flatten": [
    {
      name: "joins keys, empty objects vanish",
      args: { separator: ".", value: { "@path": "$.properties.nested" } },
      expected: { v: { "a.b": 1 } },
    },
    {
      name: "arrays by index",
      args: { separator: "_", value: { "@path": "$.traits.tags" } },
      expected: { v: { "0": "x", "1": "y" } },
    },
    {
      name: '"false" omits arrays',
      args: { separator: "_", omitArrays: "false", value: { t: ["x"] } },
      expected: { v: { t: ["x"] } },
    },
    {
      name: "a scalar keys on ''",
      args: { separator: ".", value: 3 },
      expected: { v: { "": 3 } },
    },
    {
      name: "a separator is required",
      mapping: { v: [{ "@flatten": { value: {} } }] },
      throws: /@flatten requires a "separator" key$/,
    },
  ],
  "@merge": [
    {
      name: "right wins",
      args: { direction: "right", objects: [{ a: 1, b: 1 }, { b: 2 }] },
      expected: { v: { a: 1, b: 2 } },
    },
    {
      name: "left reverses",
      args: { direction: "left", objects: [{ a: 1, b: 1 }, { b: 2 }] },
      expected: { v: { b: 1, a: 1 } },
    },
    {
      name: "strings spread",
      args: { direction: "right", objects: [{ "@path": "$.userId" }] },
      expected: { v: { "0": "u", "1": "1" } },
    },
  ],
  "@transform": [
    {
      name: "apply then mapping",
      args: {
        apply: { e: { "@path": "$.traits.email" } },
        mapping: { "@case": { operator: "lower", value: { "@path": "$.e" } } },
      },
      expected: { v: "ada@example.com" },
    },
    {
      name: "the root directive",
      mapping: {
        __segment_internal_directive: {
          "@transform": { apply: { n: { "@path": "$.traits.name" } } },
        },
        name: { "@path": "$.n" },
      },
      expected: { name: "Ada" },
    },
  ],
  "@excludeWhenNull": [
    {
      name: "null drops the key",
      args: { "@path": "$.nothing" },
      expected: {},
    },
    {
      name: "null keys in objects go, not in arrays",
      args: { a: null, b: { c: null, d: 1 }, e: [null] },
      expected: { v: { b: { d: 1 }, e: [null] } },
    },
  ],
  "@liquid": [
    {
      name: "renders",
      args: "{{ traits.name | upcase }}",
      expected: { v: "ADA" },
    },
    {
      name: "if works",
      args: "{% if traits.name %}named{% endif %}",
      expected: { v: "named" },
    },
    {
      name: "for is disabled",
      args: "{% for x in list %}{% endfor %}",
      throws: /tag "for" is disabled/,
    },
    {
      name: "at most 1000 characters",
      args: "x".repeat(1001),
      throws: /limited to 1000 characters/,
    },
  ],
  "structure": [
    {
      name: "undefined keys go, null stays",
      mapping: {
        a: { "@path": "$.nope" },
        b: null,
        c: { d: { "@path": "$.nope" } },
      },
      expected: { b: null, c: {} },
    },
    {
      name: "a directive may carry _metadata",
      mapping: { v: { "@path": "$.userId", _metadata: { x: 1 } } },
      expected: { v: "u1" },
    },
    {
      name: "an array mapping is spread",
      mapping: ["a"],
      expected: { "0": "a" },
    },
    {
      name: "arrays resolve each item",
      mapping: { v: [{ "@path": "$.userId" }, 1] },
      expected: { v: ["u1", 1] },
    },
  ],
};

for (const [directive, cases] of Object.entries(tables)) {
  Deno.test(`transform() ${directive}`, async (t) => {
    for (const { name, event: data = event, expected, throws, ...c } of cases) {
      const mapping = "mapping" in c
        ? c.mapping
        : { v: { [directive]: c.args } };
      await t.step(name, () => {
        if (throws) assert.throws(() => transform(mapping, data), throws);
        else assert.deepStrictEqual(transform(mapping, data), expected);
      });
    }
  });
}

Deno.test("transform() rejects events that are not objects with a typed error", () => {
  for (const [data, type] of [[null, "null"], [[1], "array"], [0, "number"]]) {
    assert.throws(
      () => transform({}, data),
      (error) =>
        error instanceof MappingResolveError &&
        error.message === `data must be an object, got ${type}` &&
        error.retryable === false,
    );
  }
  assert.deepStrictEqual(transform({ a: 1 }), { a: 1 });
});

Deno.test("transform() does not change the mapping it is given", () => {
  const mapping = {
    __segment_internal_directive: {
      "@transform": { apply: { n: { "@path": "$.a" } } },
    },
    v: { "@replace": { pattern: "a", value: { "@path": "$.n" } } },
  };
  const copy = structuredClone(mapping);
  assert.deepStrictEqual(transform(mapping, { a: "abc" }), { v: "bc" });
  assert.deepStrictEqual(mapping, copy);
});
