import assert from "node:assert/strict";
import { compileFql, matchesFql, parseFql } from "./mod.ts";
import type { FqlNode } from "./mod.ts";

const event = {
  type: "track",
  event: "Order Completed",
  userId: "u1",
  messageId: "m-1",
  properties: {
    total: 120,
    zero: 0,
    empty: "",
    flag: true,
    off: false,
    nothing: null,
    name: "Sneakers",
    items: [{ sku: "A1" }, { sku: "B2" }],
    "first name": "Ada",
    "a.b": 1,
    price: "100",
  },
  context: { page: { path: "/shop/cart" } },
};

Deno.test("compileFql() matches events", async (t) => {
  const cases: [string, boolean][] = [
    ['type = "track"', true],
    ['type = "identify"', false],
    ['type != "identify"', true],
    ['event = "Order Completed" and properties.total > 100', true],
    ["properties.total = 120", true],
    ['properties.total = "120"', false],
    ['properties.price = "100"', true],
    ["properties.price = 100", false],
    ["properties.price > 50", false],
    ['properties.missing != "x"', true],
    ["properties.missing != 5", false],
    ["properties.total != 5", true],
    ["properties.total < 120 or properties.total >= 121", false],
    ["properties.total <= 120", true],
    ["properties.flag = true", true],
    ["properties.off = false", true],
    ["properties.off != true", true],
    ["properties.missing != true", false],
    ["properties.nothing = null", true],
    ["properties.missing = null", true],
    ["properties.zero != null", true],
    ["anonymousId = null and messageId != null", true],
    ['messageId = "m-1"', true],
    ['properties.name > "Apples" and properties.name < "Tomatoes"', true],
    ['properties.total > "1"', false],
    ['contains(properties.name, "eak")', true],
    ['!contains(properties.name, "eak")', false],
    ['!contains(properties.missing, "eak")', false],
    ['!(contains(properties.missing, "eak"))', true],
    ['contains(properties.total, "12")', false],
    ['match(context.page.path, "/shop/*")', true],
    ['match(context.page.path, "*/cart")', true],
    ['match(context.page.path, "/s?op/*t")', true],
    ['match(context.page.path, "/shop")', false],
    ['!match(context.page.path, "/blog/*")', true],
    ['match(properties.name, "*")', true],
    ['match(properties.total, "*")', false],
    [
      'type = "identify" or event = "Order Completed" and properties.total > 100',
      true,
    ],
    [
      '(type = "identify" or event = "Order Completed") and properties.total > 500',
      false,
    ],
    [
      'type = "identify" or properties.total > 100 and properties.total < 110',
      false,
    ],
    ['!(type = "identify")', true],
    ['!!(type = "identify")', false],
    [
      '!(type = "track" and (event = "x" or !(properties.flag = false)))',
      false,
    ],
    ['properties."first name" = "Ada"', true],
    ['properties."a.b" = 1', true],
    ["properties.a.b = 1", false],
    ['properties.items.1.sku = "B2"', true],
    ["properties.items.length = 2", true],
    ["properties.name.length = 8", true],
    ['properties.name.0 = "S"', true],
    // A path through a falsy value yields that value, as in Segment.
    ["properties.zero.deeper = 0", true],
    ['properties.empty.deeper = ""', true],
    ["properties.off.deeper = false", true],
    ["properties.total.deeper = null", true],
    // Only own properties are read.
    ["properties.constructor = null", true],
    ["properties.name.toString = null", true],
    ["properties.items.map = null", true],
  ];
  for (const [query, expected] of cases) {
    await t.step(`${query} -> ${expected}`, () => {
      assert.equal(compileFql(query)(event), expected);
      assert.equal(compileFql(parseFql(query))(event), expected);
      assert.equal(matchesFql(event, query), expected);
    });
  }
});

Deno.test("compileFql() matches nothing for an event that is not an object", async (t) => {
  const matches = compileFql('type != "track"');
  for (const value of [undefined, null, "track", 5, true]) {
    await t.step(String(value), () => assert.equal(matches(value), false));
  }
});

Deno.test("compileFql() rejects a malformed AST", async (t) => {
  const comparison = (patch: Record<string, unknown>) =>
    ({
      kind: "comparison",
      path: ["type"],
      operator: "=",
      value: "a",
      ...patch,
    }) as unknown as FqlNode;
  const cases: [
    string,
    unknown,
    ErrorConstructor | TypeErrorConstructor | RangeErrorConstructor,
  ][] = [
    ["an unknown kind", { kind: "xor" }, TypeError],
    ["null", null, TypeError],
    ["an empty path", comparison({ path: [] }), TypeError],
    ["a numeric path segment", comparison({ path: [1] }), TypeError],
    ["an unknown operator", comparison({ operator: "==" }), TypeError],
    [
      "ordering with a boolean",
      comparison({ operator: "<", value: true }),
      TypeError,
    ],
    ["NaN", comparison({ value: NaN }), TypeError],
    ["an object value", comparison({ value: {} }), TypeError],
    ["no children", { kind: "and", children: [] }, TypeError],
    ["a function without argument", {
      kind: "function",
      name: "contains",
      path: ["event"],
      negated: false,
    }, TypeError],
    ["an unknown function", {
      kind: "function",
      name: "like",
      path: ["event"],
      argument: "",
      negated: false,
    }, TypeError],
  ];
  for (const [label, ast, ErrorClass] of cases) {
    await t.step(label, () => {
      assert.throws(() => compileFql(ast as FqlNode), ErrorClass);
    });
  }
  await t.step(
    "a 10,000-level AST is a RangeError, not a stack overflow",
    () => {
      let ast: FqlNode = {
        kind: "comparison",
        path: ["type"],
        operator: "=",
        value: "a",
      };
      for (let i = 0; i < 10_000; i++) ast = { kind: "not", operand: ast };
      assert.throws(() => compileFql(ast), RangeError);
      assert.throws(() => matchesFql({}, ast), RangeError);
    },
  );
});

Deno.test("matchesFql() caches by query and by AST", async (t) => {
  await t.step(
    "the same answers after more queries than the cache holds",
    () => {
      for (let i = 0; i < 1200; i++) {
        assert.equal(
          matchesFql({ properties: { n: i } }, `properties.n = ${i % 600}`),
          i < 600,
        );
      }
    },
  );
  await t.step("an AST is compiled once and answers alike", () => {
    const ast = parseFql('event = "a"');
    assert.equal(matchesFql({ event: "a" }, ast), true);
    assert.equal(matchesFql({ event: "b" }, ast), false);
  });
});
