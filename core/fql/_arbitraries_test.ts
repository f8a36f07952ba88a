// Generated queries and events shared by the differential tests (destkit and its
// Segment dialect against Segment). No tests here.
import fc from "fast-check";

const atom = fc.constantFrom<unknown>(
  "track",
  "identify",
  "a",
  "abc",
  "cab",
  "",
  "5",
  "true",
  "null",
  "Order Completed",
  "Order",
  0,
  5,
  -1.5,
  10,
  100,
  true,
  false,
  null,
  undefined,
);
const nested: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: atom },
  {
    weight: 2,
    arbitrary: fc.record({ c: atom, x: atom }, { requiredKeys: [] }),
  },
  { weight: 1, arbitrary: fc.array(atom, { maxLength: 3 }) },
);
const properties = fc.oneof(
  { weight: 1, arbitrary: atom },
  {
    weight: 6,
    arbitrary: fc.record({
      a: atom,
      b: nested,
      total: atom,
      items: nested,
      s: atom,
      "a b": atom,
      null: atom,
      x: atom,
      properties: atom,
    }, { requiredKeys: [] }),
  },
);
export const eventArbitrary = fc.record({
  type: atom,
  event: atom,
  name: atom,
  userId: atom,
  anonymousId: atom,
  messageId: atom,
  properties,
  traits: properties,
  context: fc.record({ page: fc.record({ path: atom }, { requiredKeys: [] }) }),
}, { requiredKeys: [] });

// Fields Segment reads: the top-level ones, and paths under properties, traits and context.
const readFields = [
  "type",
  "event",
  "name",
  "userId",
];
const readPaths = [
  "properties.a",
  "properties.b.c",
  "properties.total",
  "traits.a",
  "traits.b.x",
  "context.page.path",
];

const fields = [
  ...readFields,
  "anonymousId",
  "messageId",
  ...readPaths,
  "properties.items.0",
  'properties."a b"',
  "properties.null",
  "type.x",
  "properties",
  "properties.s.length",
  "properties.items.length",
  "timestamp",
  "properties.x",
  "traits.total",
];
const values = [
  '"track"',
  '"identify"',
  '"a"',
  '"abc"',
  '""',
  '"5"',
  '"true"',
  '"Order Completed"',
  "'a'",
  '"a\\"b"',
  "0",
  "5",
  "-1.5",
  "10",
  "100",
  "+5",
  "true",
  "false",
  "null",
];
const operators = ["=", "!=", "<", "<=", ">", ">="];
const spacings = [" OP ", " OP ", " OP ", "OP", " OP", "OP "];
// Patterns for contains() and match() that Segment reads as destkit does.
const soundPatterns = [
  '"a"',
  '"b"',
  '""',
  '"Order"',
  '"a*"',
  '"*c"',
  '"*"',
];
const patterns = [
  ...soundPatterns,
  '"abc"',
  '"a*c"',
  '"?b*"',
  '"**"',
  "'a*'",
];

const comparison = fc.tuple(
  fc.constantFrom(...fields),
  fc.constantFrom(...operators),
  fc.constantFrom(...spacings),
  fc.constantFrom(...values),
).map(([field, op, spacing, value]) =>
  `${field}${spacing.replace("OP", op)}${value}`
);
const call = fc.tuple(
  fc.constantFrom("", "", "!", "! "),
  fc.constantFrom("contains", "match"),
  fc.constantFrom(...fields),
  fc.constantFrom(...patterns),
  fc.constantFrom(", ", ",", " , "),
)
  .map(([bang, name, field, pattern, comma]) =>
    `${bang}${name}(${field}${comma}${pattern})`
  );
const conjunction = fc.constantFrom(
  " and ",
  " and ",
  " or ",
  " or ",
  " AND ",
  " Or ",
);

export const { query: queryArbitrary } = fc.letrec<
  { query: string; term: string }
>((
  tie,
) => ({
  term: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: comparison },
    { weight: 2, arbitrary: call },
    { weight: 1, arbitrary: tie("query").map((inner) => `(${inner})`) },
    { weight: 1, arbitrary: tie("query").map((inner) => `!(${inner})`) },
  ),
  query: fc.tuple(
    fc.array(fc.tuple(conjunction, tie("term")), { maxLength: 3 }),
    tie("term"),
  )
    .map(([rest, first]) =>
      first + rest.map(([glue, term]) => glue + term).join("")
    ),
}));

// Mostly what Segment reads soundly: one conjunction per group, one level of parentheses.
const soundFields = [
  ...readFields,
  ...readPaths,
  "properties.s.length",
  "properties.items.length",
  "properties.x",
];
const soundValue = fc.oneof(
  fc.constantFrom("=", "!=").chain((op) =>
    fc.constantFrom(...values.filter((value) => !/['\\]/.test(value))).map((
      value,
    ) => `${op} ${value}`)
  ),
  fc.constantFrom("<", "<=", ">", ">=").chain((op) =>
    fc.constantFrom("0", "5", "-1.5", "10", "100").map((value) =>
      `${op} ${value}`
    )
  ),
);
const soundComparison = fc.tuple(fc.constantFrom(...soundFields), soundValue)
  .map(([field, rest]) => `${field} ${rest}`);
const soundCall = fc.tuple(
  fc.constantFrom("", "!"),
  fc.constantFrom("contains", "match"),
  fc.constantFrom(...soundFields),
  fc.constantFrom(...soundPatterns, '"Order*"'),
)
  .map(([bang, name, field, pattern]) =>
    `${bang}${name}(${field}, ${pattern})`
  );
const simple = fc.oneof({ weight: 3, arbitrary: soundComparison }, {
  weight: 2,
  arbitrary: soundCall,
});
function joined(term: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(
    fc.constantFrom(" and ", " or "),
    fc.array(term, { minLength: 1, maxLength: 4 }),
  )
    .map(([glue, terms]) => terms.join(glue));
}
export const soundQuery = joined(fc.oneof(
  { weight: 3, arbitrary: simple },
  {
    weight: 1,
    arbitrary: joined(soundComparison).map((inner) => `(${inner})`),
  },
));
export const mixedQuery = fc.oneof({ weight: 3, arbitrary: soundQuery }, {
  weight: 1,
  arbitrary: queryArbitrary,
});

// Sound queries with small lexical mutations (a space removed, a snippet inserted)
// to reach the corners of Segment's lexer.
const snippets = [
  " ",
  "\t",
  "\n",
  "\r",
  "(",
  ")",
  "!",
  ".",
  ",",
  "AND",
  "and",
  "or",
  "'",
  '"',
  "=",
  "<",
  "_",
  "-",
  "0",
];
const mutation = fc.tuple(
  fc.nat(),
  fc.constantFrom("delete", "insert", "insert"),
  fc.constantFrom(...snippets),
);
export const mutatedQuery = fc.tuple(
  soundQuery,
  fc.array(mutation, { minLength: 1, maxLength: 3 }),
).map(([query, edits]) => {
  let text = query;
  for (const [position, kind, snippet] of edits) {
    const at = position % (text.length + 1);
    text = kind === "delete"
      ? text.slice(0, at) + text.slice(at + 1)
      : text.slice(0, at) + snippet + text.slice(at);
  }
  return text;
});
