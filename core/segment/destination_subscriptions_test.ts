// The drop-in against @segment/destination-subscriptions 3.37.0 itself (a
// test-only oracle, loaded as CommonJS): the same AST or the same error for
// every query, sound or not, the same validate() answer (or failure) on every
// event, the same generateFql() text.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as dropIn from "./destination_subscriptions.ts";
import {
  eventArbitrary,
  mixedQuery,
  mutatedQuery,
} from "../fql/_arbitraries_test.ts";
import { subscriptionsOracle as segment } from "./_subscriptions_oracle_test.ts";

// Tokens Segment's lexer and parser treat specially, for random token soups.
const WORDS = [
  "type",
  "event",
  "name",
  "userId",
  "anonymousId",
  "properties",
  "properties.a",
  "properties.b.c",
  "properties.total",
  "properties.items.0",
  "properties.null",
  "properties.and",
  "traits.a",
  "traits",
  "context.page.path",
  "type.x",
  "constructor",
  "toString",
  "__proto__",
  "properties.constructor",
  "properties.length",
  "contains",
  "match",
  "a",
  "an",
  "and",
  "And",
  "AND",
  "o",
  "or",
  "OR",
  "n",
  "nu",
  "nul",
  "null",
  "nul\\l",
  "true",
  "false",
  "x\\.y",
  "properties.\\.",
  "properties.a\\[0\\]",
  "properties\\ a",
  "_x",
  "\\",
  "-",
  "+",
  "5",
  "-1.5",
  "1.",
  "1.2.3",
  "007",
  "=",
  "==",
  "!=",
  "!",
  "<",
  "<=",
  ">",
  ">=",
  "(",
  ")",
  "[",
  "]",
  ",",
  ".",
  '"a"',
  '"track"',
  '"identify"',
  '"Order Completed"',
  '"5"',
  '"true"',
  '"null"',
  '"a*"',
  '"*b"',
  '"a*b"',
  '"*"',
  '""',
  "'a'",
  '"a\\"',
  '"',
  "'",
  "\r",
  "&",
];
const SEPARATORS = [" ", " ", " ", "", "\t", "\n", "  "];

const tokenSoup = fc.array(
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)),
  { minLength: 0, maxLength: 12 },
).map((parts) => parts.map(([word, space]) => word + space).join(""));

const characterSoup = fc.string({
  unit: fc.constantFrom(..."atypeorn.()!=<>\"' \\,5-*[]\t"),
  maxLength: 24,
});

const QUERY_COUNTS = { mixed: 6000, mutated: 4000, tokens: 8000, chars: 4000 };
const EVENT_COUNT = 40;

type Outcome = { value: unknown } | { error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return {
      error: `${(error as Error)?.name}: ${(error as Error)?.message}`,
    };
  }
}

// Both ASTs, with errors reduced to their class name and message.
function comparable(subscription: unknown): unknown {
  const { error } = subscription as { error?: Error };
  return error === undefined
    ? subscription
    : { error: `${error.constructor.name}: ${error.message}` };
}

Deno.test("the drop-in parses, validates and prints every query as Segment does", async (t) => {
  const events: unknown[] = [
    ...fc.sample(eventArbitrary, { seed: 11, numRuns: EVENT_COUNT }),
    undefined,
    null,
    "track",
    5,
    {},
    { type: "track", properties: "abc" },
    { properties: { a: "a", items: ["x"], "a b": 1 }, traits: [1] },
  ];
  const families: [string, fc.Arbitrary<string>, number][] = [
    ["generated queries, sound and not", mixedQuery, QUERY_COUNTS.mixed],
    ["lexically mutated queries", mutatedQuery, QUERY_COUNTS.mutated],
    ["random token soups", tokenSoup, QUERY_COUNTS.tokens],
    ["random character soups", characterSoup, QUERY_COUNTS.chars],
  ];
  let parsed = 0;
  let errors = 0;
  let validations = 0;
  for (const [label, arbitrary, count] of families) {
    await t.step(`${label}: ${count} queries`, () => {
      const queries = fc.sample(arbitrary, { seed: 20261206, numRuns: count });
      const differences: string[] = [];
      for (const query of queries) {
        const ours = dropIn.parseFql(query);
        const theirs = segment.parseFql(query);
        try {
          assert.deepStrictEqual(comparable(ours), comparable(theirs));
        } catch {
          differences.push(`parseFql(${JSON.stringify(query)})`);
          continue;
        }
        if ("error" in (theirs as object)) errors++;
        else parsed++;
        const printed = [
          outcome(() => dropIn.generateFql(ours)),
          outcome(() => segment.generateFql(theirs)),
        ];
        if (JSON.stringify(printed[0]) !== JSON.stringify(printed[1])) {
          differences.push(`generateFql(${JSON.stringify(query)})`);
        }
        for (const event of events) {
          validations++;
          const a = outcome(() => dropIn.validate(ours, event));
          const b = outcome(() => segment.validate(theirs, event));
          if (JSON.stringify(a) !== JSON.stringify(b)) {
            differences.push(
              `validate(${JSON.stringify(query)}, ${JSON.stringify(event)}): ${
                JSON.stringify(a)
              } vs Segment ${JSON.stringify(b)}`,
            );
            break;
          }
        }
      }
      assert.deepEqual(differences.slice(0, 10), []);
    });
  }
  // With these seeds: 9,072 parsed, 12,928 errors, 1,034,000 validate() calls.
  await t.step("covers queries Segment parses and queries it rejects", () => {
    assert.ok(parsed > 5000 && errors > 5000, `${parsed} / ${errors}`);
    assert.ok(validations > 1_000_000, String(validations));
  });
});

Deno.test("the drop-in answers Segment's documented quirks", async (t) => {
  const cases: [string, unknown, boolean][] = [
    // The last conjunction seen applies to the whole group.
    ['type = "a" and type = "b" or event = "c"', { type: "a" }, true],
    // Uppercase conjunctions are identifiers, dropped: the group stays "and".
    ['type = "a" OR type = "b"', { type: "b" }, false],
    // `!= true` compares with the string "true".
    ["properties.x != true", { properties: {} }, true],
    // A string after `<` is converted to a number.
    ['properties.n < "5"', { properties: { n: 4 } }, true],
    // `match` reads only a prefix or a suffix (here the suffix "*c").
    ['match(event, "a*c")', { event: "b*c" }, true],
    // A numeric path segment never matches.
    ["properties.items.0 = 5", { properties: { items: [5] } }, false],
    // Identifiers Segment does not know are dropped.
    ['anonymousId = "x" and type = "t"', { type: "t", anonymousId: "y" }, true],
  ];
  for (const [query, event, expected] of cases) {
    await t.step(`${query} on ${JSON.stringify(event)}`, () => {
      const ast = dropIn.parseFql(query);
      assert.equal(dropIn.validate(ast, event), expected);
      assert.equal(segment.validate(segment.parseFql(query), event), expected);
    });
  }
  await t.step("an unreadable query is the same error object shape", () => {
    const result = dropIn.parseFql("x<5");
    assert.ok("error" in result && result.error instanceof TypeError);
    assert.equal(dropIn.validate(result, {}), false);
    assert.throws(() => dropIn.generateFql(result), TypeError);
  });
});
