import assert from "node:assert/strict";
import { IntegrationError } from "../errors.ts";
import {
  compileFql,
  explainFqlDifferences,
  FqlSyntaxError,
  parseFql,
  printFql,
} from "./mod.ts";
import type { FqlNode } from "./mod.ts";

const track: FqlNode = {
  kind: "comparison",
  path: ["type"],
  operator: "=",
  value: "track",
};

Deno.test("parseFql() builds the AST", async (t) => {
  const cases: [string, FqlNode][] = [
    ['type = "track"', track],
    ["type='track'", track],
    ['type = "track" and event = "A" or userId != null', {
      kind: "or",
      children: [
        {
          kind: "and",
          children: [track, {
            kind: "comparison",
            path: ["event"],
            operator: "=",
            value: "A",
          }],
        },
        { kind: "comparison", path: ["userId"], operator: "!=", value: null },
      ],
    }],
    ["properties.order.total >= -1.5", {
      kind: "comparison",
      path: ["properties", "order", "total"],
      operator: ">=",
      value: -1.5,
    }],
    ['properties."first name".x = true', {
      kind: "comparison",
      path: ["properties", "first name", "x"],
      operator: "=",
      value: true,
    }],
    ["properties.items.0 != false", {
      kind: "comparison",
      path: ["properties", "items", "0"],
      operator: "!=",
      value: false,
    }],
    ['!contains(event, "Order")', {
      kind: "function",
      name: "contains",
      path: ["event"],
      argument: "Order",
      negated: true,
    }],
    ['!(match(context.page.path, "/shop/*"))', {
      kind: "not",
      operand: {
        kind: "function",
        name: "match",
        path: ["context", "page", "path"],
        argument: "/shop/*",
        negated: false,
      },
    }],
    ['((type = "track"))', track],
    ['type = "track" AND userId = null', {
      kind: "and",
      children: [track, {
        kind: "comparison",
        path: ["userId"],
        operator: "=",
        value: null,
      }],
    }],
    ['event = "say \\"hi\\" \\\\ bye"', {
      kind: "comparison",
      path: ["event"],
      operator: "=",
      value: 'say "hi" \\ bye',
    }],
    ['anonymousId\t=\n"a"\r', {
      kind: "comparison",
      path: ["anonymousId"],
      operator: "=",
      value: "a",
    }],
  ];
  for (const [query, expected] of cases) {
    await t.step(query, () => {
      const ast = parseFql(query);
      assert.deepEqual(ast, expected);
      assert.deepEqual(parseFql(printFql(ast)), ast);
    });
  }
});

Deno.test("parseFql() names the column and what was expected", async (t) => {
  const cases: [string, number, RegExp][] = [
    ["", 1, /a condition/],
    ["   ", 4, /a condition/],
    ['(type = "track"', 16, /"\)" to close the "\(" at column 1/],
    ['type = "track")', 15, /a "\(" before this "\)"/],
    [
      'type = "track" and (event = "A" or (name = "b")',
      48,
      /"\)" to close the "\(" at column 20/,
    ],
    ['type = "tra', 12, /" to close the string opened at column 8/],
    ["event = 'it", 12, /' to close the string opened at column 9/],
    ['lookup(event, "a")', 1, /a known function \("contains" or "match"\)/],
    ['Contains(event, "a")', 1, /a known function/],
    ["type =", 7, /a value .* after "="/],
    ['type = and event = "a"', 8, /a value/],
    ["type == 5", 7, /a value/],
    ["type = track", 8, /a value/],
    ["type", 5, /an operator/],
    ["all", 4, /an operator/],
    ['type "track"', 6, /an operator/],
    ["properties.total < true", 20, /a number or a string after "<"/],
    ["properties.total >= null", 21, /a number or a string/],
    ['type = "a" and', 15, /a condition/],
    ['type = "a" and or event = "b"', 16, /a condition/],
    ['type = "a" event = "b"', 12, /"and", "or" or the end of the query/],
    ["properties. = 5", 13, /a path segment after "."/],
    ["properties.x = 5.", 18, /a digit after the decimal point/],
    ["properties.x = 1e5", 17, /"and", "or" or the end/],
    ['contains(event "a")', 16, /"," after the first argument of contains\(\)/],
    ["contains(event, 5)", 17, /a "string" as the second argument/],
    ['match(event, "a"', 17, /"\)" to close match\(/],
    ['contains(, "a")', 10, /a field path as the first argument/],
    ['event = "a" & name = "b"', 13, /unexpected character "&"/],
    ['event = "\\n"', 11, /after a backslash/],
    ["!", 2, /a condition/],
    [`properties.x = ${"9".repeat(400)}`, 16, /a number of at most 308 digits/],
  ];
  for (const [query, column, expected] of cases) {
    await t.step(JSON.stringify(query), () => {
      assert.throws(() => parseFql(query), (error) => {
        assert.ok(error instanceof FqlSyntaxError);
        assert.ok(error instanceof IntegrationError);
        assert.equal(error.column, column, error.message);
        assert.match(error.message, expected);
        assert.match(error.message, new RegExp(`at column ${column}$`));
        assert.equal(error.query, query);
        assert.equal(error.status, 400);
        return true;
      });
      assert.deepEqual(explainFqlDifferences(query), []);
    });
  }
});

Deno.test("parseFql() rejects hostile input in bounded time without overflowing the stack", async (t) => {
  const condition = 'type = "track"';
  const cases: [string, string, number][] = [
    ["a 100 KB query", `${condition} or `.repeat(6000) + condition, 65_537],
    ["a 100 KB string", `event = "${"x".repeat(100_000)}"`, 65_537],
    [
      "10,000 nested parentheses",
      "(".repeat(10_000) + condition + ")".repeat(10_000),
      65,
    ],
    ["10,000 unclosed parentheses", "(".repeat(10_000), 65],
    ["10,000 negations", "!".repeat(10_000) + condition, 65],
    [
      "5,000 negated groups",
      "!(".repeat(5_000) + condition + ")".repeat(5_000),
      65,
    ],
    ["10,000 closing parentheses", condition + ")".repeat(10_000), 15],
  ];
  for (const [label, query, column] of cases) {
    await t.step(label, () => {
      const started = performance.now();
      for (const attempt of [() => parseFql(query), () => compileFql(query)]) {
        assert.throws(
          attempt,
          (error) => error instanceof FqlSyntaxError && error.column === column,
        );
      }
      assert.deepEqual(explainFqlDifferences(query), []);
      assert.ok(error_message_is_short(query));
      assert.ok(performance.now() - started < 1000);
    });
  }
  await t.step("a long query within the limit parses and matches", () => {
    const query = Array.from({ length: 2000 }, (_, i) => `event = "E${i}"`)
      .join(" or ");
    assert.ok(query.length > 30_000);
    const matches = compileFql(query);
    assert.equal(matches({ event: "E1999" }), true);
    assert.equal(matches({ event: "E2000" }), false);
  });
  await t.step("64 nested parentheses are accepted", () => {
    const query = "(".repeat(64) + condition + ")".repeat(64);
    assert.deepEqual(parseFql(query), track);
  });
  await t.step("a non-string query is a TypeError", () => {
    assert.throws(() => parseFql(42 as unknown as string), TypeError);
  });
});

function error_message_is_short(query: string): boolean {
  try {
    parseFql(query);
  } catch (error) {
    return (error as Error).message.length < 300;
  }
  return false;
}
