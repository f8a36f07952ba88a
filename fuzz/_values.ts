// Hostile data for the campaign: JSON-like values with prototype-named keys, null-prototype
// objects and arrays, `$&` and template syntax in strings, huge strings and deep nesting.
// Every size is bounded, so one input's work is bounded too.
import fc from "fast-check";

/** Keys that name inherited members, used as plain data. */
export const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "toJSON",
  "length",
  "hasOwnProperty",
  "then",
  "__defineGetter__",
];

const PLAIN_KEYS = ["a", "b", "name", "email", "items", "note", "0", "1", ""];

/** A key: mostly plain, often one that names a prototype member. */
export const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAIN_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

const TRICKY_STRINGS = [
  "",
  " ",
  "$&",
  "$&$&$&$&$&",
  "$1$2$'$`",
  "$$",
  "{{a}}",
  "{{{a}}}",
  "{{ a | json }}",
  "{{properties.note}}",
  "{% raw %}",
  "{%",
  "}}",
  "null",
  "undefined",
  "NaN",
  "0",
  "-0",
  "1e309",
  "true",
  '{"toString":1}',
  "[[[[[[",
  "a.b[0]",
  "\u0000",
  "\ud800",
  "🙂",
  "é",
  "https://evil.test/",
];

/** A string; sometimes a huge one (up to `maxHuge` characters). */
export function text(maxHuge: number): fc.Arbitrary<string> {
  const sizes = [1_000, 100_000, 1_000_000].filter((size) => size <= maxHuge);
  return fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
    { weight: 20, arbitrary: fc.string({ maxLength: 8 }) },
    {
      // Rare per value, so that about one input in ten carries a huge string.
      weight: sizes.length === 0 ? 0 : 1,
      arbitrary: fc.tuple(
        fc.constantFrom("x", "{{a}}", "$&", "é", "a.", "{"),
        fc.constantFrom(...(sizes.length === 0 ? [1] : sizes)),
      ).map(([unit, size]) => unit.repeat(Math.ceil(size / unit.length))),
    },
  );
}

/** A scalar: tricky strings, edge numbers, booleans, null. */
export function scalar(maxHuge: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: text(maxHuge) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        0,
        -0,
        1,
        -1,
        1.5,
        NaN,
        Infinity,
        -Infinity,
        Number.MAX_SAFE_INTEGER + 2,
        1e308,
        5e-324,
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  );
}

/** Builds an object from entries with data properties only (`__proto__` stays an own key). */
export function objectOf(
  entries: ReadonlyArray<readonly [string, unknown]>,
  nullPrototype = false,
): Record<string, unknown> {
  const object = Object.fromEntries(entries);
  if (nullPrototype) Object.setPrototypeOf(object, null);
  return object;
}

/** Wraps `leaf` in `levels` levels of `{ key: ... }` or `[...]`. */
export function nest(levels: number, leaf: unknown, array: boolean): unknown {
  let value = leaf;
  for (let index = 0; index < levels; index++) {
    value = array ? [value] : objectOf([["a", value]]);
  }
  return value;
}

/** Options of {@linkcode hostileValue}. */
export interface HostileValueOptions {
  /** The longest huge string. @default {1_000_000} */
  maxHuge?: number;
  /** The deepest generated nesting chain. @default {5_000} */
  maxNest?: number;
}

/** A JSON-like value with hostile keys, prototypes, strings and nesting. */
export function hostileValue(
  options: HostileValueOptions = {},
): fc.Arbitrary<unknown> {
  const { maxHuge = 1_000_000, maxNest = 5_000 } = options;
  const depths = [10, 100, 1_000, 5_000].filter((depth) => depth <= maxNest);
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { weight: 30, arbitrary: scalar(maxHuge) },
      {
        weight: 15,
        arbitrary: fc.tuple(
          fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }),
          fc.boolean(),
        ).map(([entries, bare]) => objectOf(entries, bare)),
      },
      {
        weight: 10,
        arbitrary: fc.tuple(
          fc.array(tie("value"), { maxLength: 4 }),
          fc.boolean(),
        ).map(([items, bare]) => {
          if (bare) Object.setPrototypeOf(items, null);
          return items;
        }),
      },
      {
        weight: depths.length === 0 ? 0 : 1,
        arbitrary: fc.tuple(
          fc.constantFrom(...(depths.length === 0 ? [1] : depths)),
          scalar(0),
          fc.boolean(),
        ).map(([levels, leaf, array]) => nest(levels, leaf, array)),
      },
    ),
  }));
  return value;
}

/** A Segment-like event whose contents are hostile; sometimes not an object at all. */
export function hostileEvent(
  options: HostileValueOptions = {},
): fc.Arbitrary<unknown> {
  const value = hostileValue(options);
  const event = fc.record({
    type: fc.oneof(
      fc.constantFrom("track", "identify", "page", "screen", "group", "alias"),
      value,
    ),
    event: fc.oneof(fc.constantFrom("Order Completed", "Signed Up"), value),
    userId: fc.oneof(fc.constantFrom("u1", ""), value),
    anonymousId: fc.constantFrom("anon-1"),
    messageId: fc.constantFrom("m-1"),
    timestamp: fc.constantFrom("2026-01-01T00:00:00.000Z", "not a date"),
    properties: fc.oneof(
      value,
      fc.dictionary(key, value, { maxKeys: 5 }),
    ),
    traits: fc.dictionary(key, value, { maxKeys: 4 }),
    context: fc.dictionary(key, value, { maxKeys: 3 }),
  }, { requiredKeys: ["type"] });
  return fc.oneof(
    { weight: 12, arbitrary: event },
    {
      weight: 1,
      arbitrary: fc.tuple(
        event,
        fc.array(fc.tuple(key, value), {
          maxLength: 3,
        }),
      ).map(([base, extra]) =>
        objectOf([...Object.entries(base), ...extra], false)
      ),
    },
    {
      weight: 1,
      arbitrary: event.map((base) => objectOf(Object.entries(base), true)),
    },
    { weight: 1, arbitrary: value },
  );
}
