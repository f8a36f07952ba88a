// compileFqlLean against compileFql: the same matches on every generated query
// and event, and a syntax error at the same column for every rejected query.
import assert from "node:assert/strict";
import fc from "fast-check";
import { compileFql, FqlSyntaxError } from "./mod.ts";
import { compileFqlLean } from "./compile_fql_lean.ts";
import {
  eventArbitrary,
  mixedQuery,
  mutatedQuery,
  queryArbitrary,
} from "./_arbitraries_test.ts";

type Outcome = { column: number } | { matcher: (event: unknown) => boolean };

function outcome(compile: (query: string) => unknown, query: string): Outcome {
  try {
    return { matcher: compile(query) as (event: unknown) => boolean };
  } catch (error) {
    assert.ok(
      error instanceof FqlSyntaxError,
      `untyped error for ${JSON.stringify(query)}: ${error}`,
    );
    assert.equal(error.query, query);
    return { column: error.column };
  }
}

// Pieces glued at random: every token kind, their near misses and stray characters.
const pieces = [
  " ",
  "\t",
  "a",
  "type",
  "and",
  "AND",
  "or",
  "Or",
  "contains",
  "match",
  "constructor",
  "true",
  "false",
  "null",
  "_x",
  "-",
  "+",
  "0",
  "5",
  "1.5",
  "1.",
  "-2",
  "9".repeat(400),
  ".",
  ".0",
  ",",
  "(",
  ")",
  "!",
  "=",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  '"',
  "'",
  "\\",
  '"a"',
  "'b'",
  '"a\\"b"',
  '"\\x"',
  "é",
  "🙂",
  "#",
  "a. 5",
  "a.5x",
  "a .b",
  "x.-1",
  ". and",
];
const fuzzQuery = fc.array(fc.constantFrom(...pieces), { maxLength: 12 })
  .map((parts) => parts.join(""));

const cases: [string, fc.Arbitrary<string>, number, number][] = [
  ["mixed", mixedQuery, 20240611, 3000],
  ["nested", queryArbitrary, 99, 2000],
  ["mutated", mutatedQuery, 31337, 4000],
  ["fuzzed", fuzzQuery, 4242, 10_000],
];

Deno.test("compileFqlLean() decides as compileFql() does", async (t) => {
  const events: unknown[] = [
    ...fc.sample(eventArbitrary, { seed: 7, numRuns: 40 }),
    null,
    "track",
    5,
    [],
    { constructor: "x", type: { length: 5 }, a: "5" },
  ];
  for (const [label, arbitrary, seed, count] of cases) {
    const queries = fc.sample(arbitrary, { seed, numRuns: count });
    let rejected = 0;
    let matched = 0;
    await t.step(
      `on ${count} ${label} queries × ${events.length} events`,
      () => {
        for (const query of queries) {
          const expected = outcome(compileFql, query);
          const actual = outcome(compileFqlLean, query);
          if ("column" in expected) {
            assert.deepEqual(actual, expected, JSON.stringify(query));
            rejected++;
            continue;
          }
          assert.ok(
            "matcher" in actual,
            `lean rejects ${JSON.stringify(query)}`,
          );
          for (const event of events) {
            const match = expected.matcher(event);
            assert.equal(
              actual.matcher(event),
              match,
              `${JSON.stringify(query)} on ${JSON.stringify(event)}`,
            );
            if (match) matched++;
          }
        }
        assert.ok(rejected > count / 20, `only ${rejected} rejected`);
        assert.ok(rejected < count, "every query rejected");
        if (label !== "fuzzed") {
          assert.ok(matched > count, `${matched} matches`);
        }
      },
    );
  }
});

Deno.test("compileFqlLean() rejects at the limits as compileFql() does", async (t) => {
  const table: [string, string][] = [
    ["64 parentheses", "(".repeat(64) + "a = 1" + ")".repeat(64)],
    ["65 parentheses", "(".repeat(65) + "a = 1" + ")".repeat(65)],
    ["65 negations", "!".repeat(65) + "a = 1"],
    ["64 negations of a call", "!".repeat(64) + 'contains(a, "b")'],
    ["a query too long", `a = "${"x".repeat(65_536)}"`],
    ["a number too long", `a = ${"9".repeat(309)}`],
    ["a long conjunction", Array(5000).fill("a = 1").join(" and ")],
  ];
  for (const [label, query] of table) {
    await t.step(label, () => {
      const expected = outcome(compileFql, query);
      const actual = outcome(compileFqlLean, query);
      if ("column" in expected) assert.deepEqual(actual, expected);
      else {
        assert.ok("matcher" in actual);
        for (const event of [{ a: 1 }, { a: 2 }, {}]) {
          assert.equal(actual.matcher(event), expected.matcher(event));
        }
      }
    });
  }
});
