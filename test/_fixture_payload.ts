// The one walk from field definitions to a valid payload, and the one table of values per
// string format: `generateTestData` draws from a seeded generator, `fieldsArbitrary` from
// fast-check, through the same code.
import type { InputField } from "@destkit/core";
import type { FieldFixtureHint } from "@destkit/core/tooling";
import { hintOf, isRequired } from "./_hints.ts";

/** Returns the source of numbers in [0, 1) that the value at `path` is drawn from. */
export type RandomFor = (path: string) => () => number;

/**
 * Returns a valid payload for `fields`, every random choice drawn from
 * `randomFor(path)`, a source of numbers in [0, 1) for the field at `path`.
 */
export function fixturePayload(
  fields: Readonly<Record<string, InputField>>,
  randomFor: RandomFor,
  requiredOnly: boolean,
  prefix = "",
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (requiredOnly && !isRequired(field)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const random = randomFor(path);
    const hint = hintOf(field, path);
    if (hint.multiple) {
      const count = 1 + Math.floor(random() * 3);
      result[key] = Array.from(
        { length: count },
        (_, i) =>
          valueOf(
            field,
            hint,
            random,
            `${path}[${i}]`,
            randomFor,
            requiredOnly,
          ),
      );
    } else {
      result[key] = valueOf(field, hint, random, path, randomFor, requiredOnly);
    }
  }
  return result;
}

function valueOf(
  field: InputField,
  hint: FieldFixtureHint,
  random: () => number,
  path: string,
  randomFor: RandomFor,
  requiredOnly: boolean,
): unknown {
  if (hint.choices !== undefined && hint.choices.length > 0) {
    return hint.choices[Math.floor(random() * hint.choices.length)];
  }
  const types = hint.jsonTypes;
  if (types.includes("object")) {
    if (field.properties !== undefined) {
      return fixturePayload(field.properties, randomFor, requiredOnly, path);
    }
    return { [`${lastKey(path)}_key`]: word(random) };
  }
  if (types.includes("string")) return stringOf(hint, random, path);
  if (types.includes("integer")) {
    const { low, high } = range(hint);
    return Math.ceil(low) +
      Math.floor(random() * (Math.floor(high) - Math.ceil(low) + 1));
  }
  if (types.includes("number")) {
    const { low, high } = range(hint);
    const value = Math.round((low + random() * (high - low)) * 100) / 100;
    return Math.min(high, Math.max(low, value));
  }
  if (types.includes("boolean")) return random() < 0.5;
  throw new TypeError(
    `Cannot generate test data for "${path}": no generator for JSON types ${
      types.join(", ")
    }`,
  );
}

const FORMATS: Record<string, (random: () => number, path: string) => string> =
  {
    "date-time": (random) => date(random).toISOString(),
    date: (random) => date(random).toISOString().slice(0, 10),
    time: (random) => date(random).toISOString().slice(11, 19),
    email: (random, path) => `${slug(path)}.${word(random)}@example.com`,
    uri: (random, path) => `https://example.com/${slug(path)}/${word(random)}`,
    "uri-reference": (random, path) => `/${slug(path)}/${word(random)}`,
    hostname: (random, path) => `${slug(path)}-${word(random)}.example.com`,
    ipv4: (random) => `10.${byte(random)}.${byte(random)}.${byte(random)}`,
    ipv6: (random) => `2001:db8::${hex(random, 4)}:${hex(random, 4)}`,
    uuid: (random) =>
      `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${
        hex(random, 3)
      }-${hex(random, 12)}`,
  };

function stringOf(
  hint: FieldFixtureHint,
  random: () => number,
  path: string,
): string {
  const format = hint.format === undefined ? undefined : FORMATS[hint.format];
  if (format !== undefined) return format(random, path);
  const minLength = Math.max(1, hint.minLength ?? 1);
  const maxLength = hint.maxLength ?? Math.max(minLength, 40);
  let text = `${slug(path)} ${word(random)}`;
  while (text.length < minLength) text += ` ${word(random)}`;
  return text.slice(0, maxLength);
}

function range(hint: FieldFixtureHint): { low: number; high: number } {
  const low = hint.minimum ??
    (hint.maximum !== undefined ? hint.maximum - 1000 : 0);
  const high = hint.maximum ?? low + 1000;
  return { low, high };
}

const WORDS = [
  "amber",
  "birch",
  "cedar",
  "delta",
  "ember",
  "fjord",
  "grove",
  "harbor",
  "iris",
  "juniper",
  "kestrel",
  "lagoon",
];

function word(random: () => number): string {
  return `${WORDS[Math.floor(random() * WORDS.length)]}${
    Math.floor(random() * 1000)
  }`;
}

function slug(path: string): string {
  return path.replace(/\[\d+\]/g, "").replace(/[^a-zA-Z0-9]+/g, "-").replace(
    /^-|-$/g,
    "",
  ).toLowerCase() || "value";
}

function lastKey(path: string): string {
  return slug(path.split(".").at(-1) ?? path);
}

function date(random: () => number): Date {
  const start = Date.UTC(2020, 0, 1);
  const end = Date.UTC(2026, 0, 1);
  return new Date(start + Math.floor(random() * (end - start) / 1000) * 1000);
}

function byte(random: () => number): number {
  return Math.floor(random() * 256);
}

function hex(random: () => number, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    text += Math.floor(random() * 16).toString(16);
  }
  return text;
}
