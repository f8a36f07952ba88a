import type { InputFields, SegmentEvent } from "@destkit/core";
import { createTestEvent } from "./create_test_event.ts";
import { fixturePayload } from "./_fixture_payload.ts";

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
  const payload = fixturePayload(
    fields,
    (path) => createRandom(`${seed}:${path}`),
    requiredOnly,
  );
  const mapping: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) {
    mapping[key] = { "@path": `$.properties.${key}` };
  }
  return { payload, mapping, event: createTestEvent({ properties: payload }) };
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
