// One table per directive: fixed mappings and events with the result Segment gives (quirks included).
import assert from "node:assert/strict";
import { MappingResolveError, transform } from "./mod.ts";

type Case = {
  name: string;
  mapping: unknown;
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
      mapping: { v: { "@path": "$.traits.email" } },
      expected: { v: "Ada@Example.com" },
    },
    {
      name: "removes only the first $.",
      mapping: { v: { "@path": "traits.$.name" } },
      expected: { v: "Ada" },
    },
    {
      name: '"" is the root',
      mapping: { v: { "@path": "" } },
      expected: { v: event },
    },
    {
      name: '"$." is the root',
      mapping: { v: { "@path": "$." } },
      expected: { v: event },
    },
    {
      name: "through 0 gives 0",
      mapping: { v: { "@path": "$.zero.x" } },
      expected: { v: 0 },
    },
    {
      name: 'through "" gives ""',
      mapping: { v: { "@path": "$.empty.x.y" } },
      expected: { v: "" },
    },
    {
      name: "through null gives null",
      mapping: { v: { "@path": "$.nothing.x" } },
      expected: { v: null },
    },
    {
      name: "missing drops the key",
      mapping: { v: { "@path": "$.missing.x" } },
      expected: {},
    },
    {
      name: "string length",
      mapping: { v: { "@path": "$.userId.length" } },
      expected: { v: 2 },
    },
    {
      name: "array index",
      mapping: { v: { "@path": "$.list[1]" } },
      expected: { v: "b" },
    },
    {
      name: "string index",
      mapping: { v: { "@path": "$.userId.1" } },
      expected: { v: "1" },
    },
    {
      name: "['dot.key'] still splits",
      mapping: { v: { "@path": "$['dot.key']" } },
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
      mapping: { v: { "@template": "{{traits.name}} <{{traits.email}}>" } },
      expected: { v: "Ada <Ada@Example.com>" },
    },
    {
      name: "triple braces are the same",
      mapping: { v: { "@template": "{{{traits.name}}}" } },
      expected: { v: "Ada" },
    },
    {
      name: "null and missing render empty",
      mapping: { v: { "@template": "[{{traits.plan}}|{{nope}}]" } },
      expected: { v: "[|]" },
    },
    {
      name: "arrays join with commas",
      mapping: { v: { "@template": "{{traits.tags}}" } },
      expected: { v: "x,y" },
    },
    {
      name: "objects render as [object Object]",
      mapping: { v: { "@template": "{{traits}}" } },
      expected: { v: "[object Object]" },
    },
    {
      name: "$. is not stripped",
      mapping: { v: { "@template": "{{$.userId}}" } },
      expected: { v: "" },
    },
    {
      name: "nothing is escaped",
      mapping: { v: { "@template": "{{t}}" } },
      event: { t: "<b>&" },
      expected: { v: "<b>&" },
    },
  ],
  "@literal": [
    {
      name: "returns the value",
      mapping: { v: { "@literal": { a: [1, "x"] } } },
      expected: { v: { a: [1, "x"] } },
    },
    {
      name: "resolves directives inside",
      mapping: { v: { "@literal": { id: { "@path": "$.userId" } } } },
      expected: { v: { id: "u1" } },
    },
  ],
  "@if": [
    {
      name: "exists then",
      mapping: {
        v: {
          "@if": { exists: { "@path": "$.zero" }, then: "yes", else: "no" },
        },
      },
      expected: { v: "yes" },
    },
    {
      name: "null does not exist",
      mapping: {
        v: {
          "@if": { exists: { "@path": "$.nothing" }, then: "yes", else: "no" },
        },
      },
      expected: { v: "no" },
    },
    {
      name: "0 is blank",
      mapping: {
        v: { "@if": { blank: { "@path": "$.zero" }, then: "yes", else: "no" } },
      },
      expected: { v: "no" },
    },
    {
      name: "[] is blank",
      mapping: {
        v: { "@if": { blank: { "@literal": [] }, then: "yes", else: "no" } },
      },
      expected: { v: "no" },
    },
    {
      name: "a falsy then is returned",
      mapping: { v: { "@if": { exists: "x", then: 0 } } },
      expected: { v: 0 },
    },
    {
      name: "a falsy else drops the key",
      mapping: {
        v: { "@if": { exists: { "@path": "$.nope" }, then: 1, else: 0 } },
      },
      expected: {},
    },
    {
      name: "a falsy literal condition throws",
      mapping: { v: { "@if": { exists: 0, then: 1 } } },
      throws: /@if requires an "exists" key or a "blank" key$/,
    },
  ],
  "@case": [
    {
      name: "lower",
      mapping: {
        v: {
          "@case": { operator: "lower", value: { "@path": "$.traits.email" } },
        },
      },
      expected: { v: "ada@example.com" },
    },
    {
      name: "upper",
      mapping: { v: { "@case": { operator: "upper", value: "ümlaut" } } },
      expected: { v: "ÜMLAUT" },
    },
    {
      name: "non-strings pass",
      mapping: {
        v: { "@case": { operator: "lower", value: { "@path": "$.zero" } } },
      },
      expected: { v: 0 },
    },
    {
      name: "an unknown operator throws",
      mapping: { v: { "@case": { operator: "title", value: "x" } } },
      throws: /should have a value of "lower" or "upper"/,
    },
  ],
  "@replace": [
    {
      name: "global by default",
      mapping: {
        v: { "@replace": { pattern: "a", replacement: "o", value: "banana" } },
      },
      expected: { v: "bonono" },
    },
    {
      name: "the pattern is literal",
      mapping: {
        v: { "@replace": { pattern: ".", replacement: "-", value: "a.b" } },
      },
      expected: { v: "a-b" },
    },
    {
      name: "$& is live",
      mapping: {
        v: { "@replace": { pattern: "n", replacement: "[$&]", value: "nan" } },
      },
      expected: { v: "[n]a[n]" },
    },
    {
      name: "ignorecase",
      mapping: {
        v: {
          "@replace": {
            pattern: "A",
            replacement: "",
            ignorecase: true,
            global: false,
            value: "aA",
          },
        },
      },
      expected: { v: "A" },
    },
    {
      name: "numbers are stringified",
      mapping: {
        v: {
          "@replace": {
            pattern: "5",
            replacement: "0",
            value: { "@path": "$.properties.price" },
          },
        },
      },
      expected: { v: "9.0" },
    },
    {
      name: "null becomes empty",
      mapping: {
        v: { "@replace": { pattern: "a", value: { "@path": "$.nothing" } } },
      },
      expected: { v: "" },
    },
    {
      name: 'a literal "" drops the key',
      mapping: { v: { "@replace": { pattern: "a", value: "" } } },
      expected: {},
    },
    {
      name: "pattern2 runs after",
      mapping: {
        v: {
          "@replace": {
            pattern: "a",
            replacement: "b",
            pattern2: "b",
            replacement2: "c",
            value: "ab",
          },
        },
      },
      expected: { v: "cc" },
    },
  ],
  "@arrayPath": [
    {
      name: "maps items through a shape",
      mapping: {
        v: {
          "@arrayPath": ["$.properties.items", { id: { "@path": "$.sku" } }],
        },
      },
      expected: { v: [{ id: "s1" }, { id: "s2" }] },
    },
    {
      name: "a single object becomes one item",
      mapping: {
        v: { "@arrayPath": ["$.traits", { n: { "@path": "$.name" } }] },
      },
      expected: { v: [{ n: "Ada" }] },
    },
    {
      name: "without a shape, the value as is",
      mapping: { v: { "@arrayPath": ["$.list"] } },
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
      mapping: {
        v: { "@json": { mode: "encode", value: { "@path": "$.list" } } },
      },
      expected: { v: '["a","b"]' },
    },
    {
      name: "decode",
      mapping: { v: { "@json": { mode: "decode", value: '{"a":1}' } } },
      expected: { v: { a: 1 } },
    },
    {
      name: "decode keeps text that is not JSON",
      mapping: { v: { "@json": { mode: "decode", value: "{x" } } },
      expected: { v: "{x" },
    },
    {
      name: "ENCODE validates but gives nothing",
      mapping: { v: { "@json": { mode: "ENCODE", value: "x" } } },
      expected: {},
    },
  ],
  "@flatten": [
    {
      name: "joins keys, empty objects vanish",
      mapping: {
        v: {
          "@flatten": {
            separator: ".",
            value: { "@path": "$.properties.nested" },
          },
        },
      },
      expected: { v: { "a.b": 1 } },
    },
    {
      name: "arrays by index",
      mapping: {
        v: {
          "@flatten": { separator: "_", value: { "@path": "$.traits.tags" } },
        },
      },
      expected: { v: { "0": "x", "1": "y" } },
    },
    {
      name: '"false" omits arrays',
      mapping: {
        v: {
          "@flatten": {
            separator: "_",
            omitArrays: "false",
            value: { t: ["x"] },
          },
        },
      },
      expected: { v: { t: ["x"] } },
    },
    {
      name: "a scalar keys on ''",
      mapping: { v: { "@flatten": { separator: ".", value: 3 } } },
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
      mapping: {
        v: {
          "@merge": { direction: "right", objects: [{ a: 1, b: 1 }, { b: 2 }] },
        },
      },
      expected: { v: { a: 1, b: 2 } },
    },
    {
      name: "left reverses",
      mapping: {
        v: {
          "@merge": { direction: "left", objects: [{ a: 1, b: 1 }, { b: 2 }] },
        },
      },
      expected: { v: { b: 1, a: 1 } },
    },
    {
      name: "strings spread",
      mapping: {
        v: {
          "@merge": { direction: "right", objects: [{ "@path": "$.userId" }] },
        },
      },
      expected: { v: { "0": "u", "1": "1" } },
    },
  ],
  "@transform": [
    {
      name: "apply then mapping",
      mapping: {
        v: {
          "@transform": {
            apply: { e: { "@path": "$.traits.email" } },
            mapping: {
              "@case": { operator: "lower", value: { "@path": "$.e" } },
            },
          },
        },
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
      mapping: { v: { "@excludeWhenNull": { "@path": "$.nothing" } } },
      expected: {},
    },
    {
      name: "null keys in objects go, not in arrays",
      mapping: {
        v: { "@excludeWhenNull": { a: null, b: { c: null, d: 1 }, e: [null] } },
      },
      expected: { v: { b: { d: 1 }, e: [null] } },
    },
  ],
  "@liquid": [
    {
      name: "renders",
      mapping: { v: { "@liquid": "{{ traits.name | upcase }}" } },
      expected: { v: "ADA" },
    },
    {
      name: "if works",
      mapping: { v: { "@liquid": "{% if traits.name %}named{% endif %}" } },
      expected: { v: "named" },
    },
    {
      name: "for is disabled",
      mapping: { v: { "@liquid": "{% for x in list %}{% endfor %}" } },
      throws: /tag "for" is disabled/,
    },
    {
      name: "at most 1000 characters",
      mapping: { v: { "@liquid": "x".repeat(1001) } },
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
    for (
      const { name, mapping, event: data = event, expected, throws } of cases
    ) {
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
