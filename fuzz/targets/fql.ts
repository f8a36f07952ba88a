// Subscription queries: sound ones, random token soups and deep nesting, against hostile events.
import fc from "fast-check";
import { matchesFql, parseFql } from "@destkit/core";
import { hostileEvent, text } from "../_values.ts";
import { classifyThrown, OK, type Outcome, untyped } from "../_outcome.ts";
import type { SizeLimits, Target } from "./_target.ts";

const FIELDS = [
  "type",
  "event",
  "userId",
  "properties.a",
  "properties.note",
  "properties.items.length",
  "properties.__proto__",
  "properties.toString",
  "traits.constructor.prototype",
  "context.a.a.a",
  'properties."a b"',
];
const VALUES = [
  '"track"',
  '"a"',
  '""',
  "0",
  "-1.5",
  "1e309",
  "true",
  "null",
  '"\\\\"',
  '"🙂"',
];
const comparison = fc.tuple(
  fc.constantFrom(...FIELDS),
  fc.constantFrom("=", "!=", "<", "<=", ">", ">="),
  fc.constantFrom(...VALUES),
).map(([field, op, value]) => `${field} ${op} ${value}`);
const call = fc.tuple(
  fc.constantFrom("", "!"),
  fc.constantFrom("contains", "match"),
  fc.constantFrom(...FIELDS),
  fc.constantFrom('"a"', '"*"', '"a*b*c*d*e*f*"', '"[a-"', '"$&"'),
).map(([bang, name, field, pattern]) => `${bang}${name}(${field}, ${pattern})`);
const sound = fc.letrec<{ query: string; term: string }>((tie) => ({
  term: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: comparison },
    { weight: 2, arbitrary: call },
    { weight: 1, arbitrary: tie("query").map((inner) => `(${inner})`) },
    { weight: 1, arbitrary: tie("query").map((inner) => `!(${inner})`) },
  ),
  query: fc.tuple(
    tie("term"),
    fc.array(fc.tuple(fc.constantFrom(" and ", " or "), tie("term")), {
      maxLength: 3,
    }),
  ).map(([first, rest]) =>
    first + rest.map(([glue, term]) => glue + term).join("")
  ),
})).query;
const TOKENS = [
  "type",
  "event",
  "properties.a",
  "=",
  "!=",
  "<",
  ">=",
  "and",
  "or",
  "not",
  "!",
  "(",
  ")",
  "(",
  '"a"',
  '"',
  "'",
  "\\",
  "0",
  "1.5e",
  "-",
  "contains(",
  "match(",
  ",",
  "true",
  "null",
  ".",
  "..",
  "properties.",
  "🙂",
  "\u0000",
  " ",
  "\n",
];
const soup = fc.tuple(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 20 }),
  fc.constantFrom(" ", ""),
).map(([tokens, glue]) => tokens.join(glue));

/** Queries of every kind, including ones nested thousands of levels deep. */
function queryArbitrary(limits: SizeLimits): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 30, arbitrary: sound },
    { weight: 20, arbitrary: soup },
    { weight: 2, arbitrary: text(limits.maxHuge) },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constantFrom(10, 1_000, 10_000, 100_000),
        fc.constantFrom("(", "!(", "not ", "!"),
      ).map(([levels, open]) =>
        open.repeat(levels) + 'type = "track"' +
        (open.includes("(") ? ")".repeat(levels) : "")
      ),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 10, max: 2_000 }).map((terms) =>
        Array.from({ length: terms }, () => 'event = "a"').join(" or ")
      ),
    },
  );
}

/** The subscription language: `parseFql` then `matchesFql`. */
export const fqlTarget: Target = {
  name: "fql",
  arbitrary(limits: SizeLimits) {
    return fc.record({
      query: queryArbitrary(limits),
      event: hostileEvent(limits),
    });
  },
  run(input: unknown): Promise<Outcome> {
    const { query, event } = input as { query: string; event: unknown };
    return Promise.resolve(match(query, event));
  },
};

function match(query: string, event: unknown): Outcome {
  try {
    parseFql(query);
  } catch (error) {
    return classifyThrown(error, "parseFql()");
  }
  let matched: unknown;
  try {
    matched = matchesFql(event, query);
  } catch (error) {
    return classifyThrown(error, "matchesFql()");
  }
  return typeof matched === "boolean"
    ? OK
    : untyped(`matchesFql() returned ${typeof matched}, not a boolean`);
}
