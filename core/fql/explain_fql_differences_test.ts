import assert from "node:assert/strict";
import { explainFqlDifferences } from "./mod.ts";

Deno.test("explainFqlDifferences() finds nothing in queries Segment reads alike", async (t) => {
  const queries = [
    'type = "track"',
    'type = "track" and event = "Order Completed"',
    'event = "A" or event = "B" or event = "C"',
    '(type = "track" or type = "page") and properties.total > 100',
    'type = "identify" and (traits.email != null or userId = null)',
    '!contains(event, "Test") and match(context.page.path, "/shop/*")',
    'match(event, "*Completed")',
    "properties.order-id = 5 and properties.flag = true and userId = false",
    "properties.total <= 10 and properties.total >= 1",
    'name != "x" and traits.plan = "pro"',
  ];
  for (const query of queries) {
    await t.step(
      query,
      () => assert.deepEqual(explainFqlDifferences(query), []),
    );
  }
});

Deno.test("explainFqlDifferences() names where Segment reads a query differently", async (t) => {
  const cases: [string, [number, RegExp][]][] = [
    ['type = "a" and event = "b" or event = "c"', [[
      28,
      /last conjunction of a group/,
    ]]],
    ['type = "a" AND event = "b"', [[12, /ignores "AND"/]]],
    ['type = "a" Or event = "b"', [[12, /ignores "Or"/]]],
    ['type = "a" and(event = "b")', [[12, /whitespace after "and"/]]],
    ['anonymousId = "x" or type = "a"', [[
      1,
      /drops the condition on "anonymousId"/,
    ]]],
    ['messageId = "x"', [[1, /drops/]]],
    ['timestamp > "2024"', [[1, /drops/]]],
    ['contains(type, "tr")', [[10, /drops contains\(\) on "type"/]]],
    ['contains(properties, "x")', [[10, /drops contains\(\)/]]],
    ['type.name = "x"', [[1, /ignores the rest of the path/]]],
    ["properties = 5", [[1, /properties\.properties/]]],
    ["properties.items.0 = 5", [[1, /path segment "0"/]]],
    ["properties.null = 5", [[1, /keyword null/]]],
    ["properties.constructor = null", [[1, /inherited member/]]],
    ["properties.list.at = null", [[1, /inherited member "at"/]]],
    ['properties."a b" = 5', [[12, /quoted path segment/]]],
    ["properties.total>5", [[17, /whitespace before ">"/]]],
    ["properties.total >=5", [[18, /whitespace after ">="/]]],
    ['properties.x !="a"', [[14, /whitespace after "!="/]]],
    ['event = "a"or type = "b"', [[11, /after a closing quote/]]],
    ["event = 'a'", [[9, /single-quoted/]]],
    ['event = "a\\"b"', [[9, /backslash/]]],
    ['type =\r"a"', [[7, /carriage return/]]],
    ['!(type = "a")', [[1, /ignores "!"/]]],
    ['! contains(event, "a")', [[1, /whitespace between "!" and contains/]]],
    ['((type = "a"))', [[2, /nested parentheses/]]],
    ['(contains(event, "a") or type = "b")', [[2, /first "\)"/]]],
    ['match(event, "a*b")', [[14, /"prefix\*" and "\*suffix"/]]],
    ['match(event, "Order")', [[14, /match\(\)/]]],
    ['match(event, "?rder*")', [[14, /match\(\)/]]],
    ["event = 5", [[9, /with the string "5"/]]],
    ["name = true", [[8, /with the string "true"/]]],
    ["properties.flag != true", [[20, /every value except the string "true"/]]],
    ["type = null", [[8, /with the string "null"/]]],
    ['properties.name < "m"', [[19, /only as numbers/]]],
  ];
  for (const [query, expected] of cases) {
    await t.step(JSON.stringify(query), () => {
      const found = explainFqlDifferences(query);
      assert.equal(found.length, expected.length, JSON.stringify(found));
      for (const [i, [column, message]] of expected.entries()) {
        assert.equal(found[i].column, column, found[i].message);
        assert.match(found[i].message, message);
      }
    });
  }
  await t.step("differences come sorted by column", () => {
    const found = explainFqlDifferences(
      'anonymousId = "x" AND event = 5 or name = true',
    );
    assert.deepEqual(found.map((difference) => difference.column), [
      1,
      19,
      31,
      43,
    ]);
  });
});
