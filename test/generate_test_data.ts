import type { InputField, InputFields, SegmentEvent } from "@destkit/core";
import { createTestEvent } from "./create_test_event.ts";
import { hintOf, isRequired } from "./_hints.ts";
import type { FieldFixtureHint } from "@destkit/core/tooling";

/** Options for {@linkcode generateTestData}. */
export interface GenerateTestDataOptions {
  /** The seed: the same seed gives the same data. @default {"destkit"} */
  seed?: string | number;
  /** Whether only required fields get a value. @default {false} */
  requiredOnly?: boolean;
}

/** Data derived from field definitions. */
export interface TestData {
  /** A valid payload: one value per field, different for each field. */
  payload: Record<string, unknown>;
  /** A mapping that produces `payload` from `event` (`@path` to `$.properties.<key>`). */
  mapping: Record<string, unknown>;
  /** A test event whose `properties` are the payload. */
  event: SegmentEvent;
}

/**
 * Generates a valid payload for `fields`, seeded and reproducible, honouring `format`,
 * `choices`, `minimum`/`maximum`, `minLength`/`maxLength`, `multiple` and `properties`,
 * with the mapping and test event that produce it.
 *
 * @throws {TypeError} when a field has an unknown type.
 *
 * @example
 * ```ts
 * import { generateTestData } from "@destkit/test";
 * import { validatePayload } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const fields = {
 *   email: { label: "Email", type: "string", format: "email", required: true },
 *   plan: { label: "Plan", type: "string", choices: ["free", "pro"] },
 * } as const;
 * const { payload, mapping } = generateTestData(fields, { seed: 1 });
 * assert.deepEqual(validatePayload(fields, payload).payload, payload);
 * assert.deepEqual(mapping.email, { "@path": "$.properties.email" });
 * assert.deepEqual(generateTestData(fields, { seed: 1 }).payload, payload);
 * ```
 */
export function generateTestData(
  fields: InputFields,
  options: GenerateTestDataOptions = {},
): TestData {
  const { seed = "destkit", requiredOnly = false } = options;
  const payload = generateObject(fields, String(seed), "", requiredOnly);
  const mapping: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) {
    mapping[key] = { "@path": `$.properties.${key}` };
  }
  return { payload, mapping, event: createTestEvent({ properties: payload }) };
}

function generateObject(
  fields: Readonly<Record<string, InputField>>,
  seed: string,
  prefix: string,
  requiredOnly: boolean,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (requiredOnly && !isRequired(field)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const random = createRandom(`${seed}:${path}`);
    const hint = hintOf(field, path);
    if (hint.multiple) {
      const count = 1 + Math.floor(random() * 3);
      result[key] = Array.from(
        { length: count },
        (_, i) =>
          valueOf(field, hint, random, `${path}[${i}]`, seed, requiredOnly),
      );
    } else {
      result[key] = valueOf(field, hint, random, path, seed, requiredOnly);
    }
  }
  return result;
}

function valueOf(
  field: InputField,
  hint: FieldFixtureHint,
  random: () => number,
  path: string,
  seed: string,
  requiredOnly: boolean,
): unknown {
  if (hint.choices !== undefined && hint.choices.length > 0) {
    return hint.choices[Math.floor(random() * hint.choices.length)];
  }
  const types = hint.jsonTypes;
  if (types.includes("object")) {
    if (field.properties !== undefined) {
      return generateObject(field.properties, seed, path, requiredOnly);
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

/** A mulberry32 generator seeded from a string (FNV-1a). */
function createRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  }
  return function next() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
