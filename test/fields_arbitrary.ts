import fc from "fast-check";
import type { InputField, InputFields } from "@destkit/core";
import type { FieldFixtureHint } from "@destkit/core/tooling";
import { hintOf, isRequired } from "./_hints.ts";

/** Options for {@linkcode fieldsArbitrary}. */
export interface FieldsArbitraryOptions {
  /** Whether only required fields get a value. @default {false} */
  requiredOnly?: boolean;
}

/**
 * Returns a fast-check arbitrary of valid payloads for `fields`, honouring the same
 * constraints as {@linkcode generateTestData}, for property tests.
 *
 * @throws {TypeError} when a field has an unknown type.
 *
 * @example
 * ```ts
 * import { fieldsArbitrary } from "@destkit/test";
 * import { validatePayload } from "@destkit/core";
 * import fc from "fast-check";
 *
 * const fields = { count: { label: "Count", type: "integer", minimum: 1, maximum: 5, required: true } } as const;
 * fc.assert(fc.property(fieldsArbitrary(fields), (payload) => {
 *   validatePayload(fields, payload);
 * }), { numRuns: 50 });
 * ```
 */
export function fieldsArbitrary(
  fields: InputFields,
  options: FieldsArbitraryOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  return objectArbitrary(fields, "", options.requiredOnly ?? false);
}

function objectArbitrary(
  fields: Readonly<Record<string, InputField>>,
  prefix: string,
  requiredOnly: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if (requiredOnly && !isRequired(field)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const hint = hintOf(field, path);
    const one = valueArbitrary(field, hint, path, requiredOnly);
    shape[key] = hint.multiple
      ? fc.array(one, { minLength: 1, maxLength: 4 })
      : one;
    if (isRequired(field)) requiredKeys.push(key);
  }
  return fc.record(shape, { requiredKeys }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

const WORD = /^[a-z][a-z0-9]{0,9}$/;

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  "date-time": () => dates().map((value) => value.toISOString()),
  date: () => dates().map((value) => value.toISOString().slice(0, 10)),
  time: () => dates().map((value) => value.toISOString().slice(11, 19)),
  email: () =>
    fc.tuple(fc.stringMatching(WORD), fc.stringMatching(WORD)).map((
      [user, host],
    ) => `${user}@${host}.com`),
  uri: () =>
    fc.tuple(fc.stringMatching(WORD), fc.stringMatching(WORD)).map((
      [host, path],
    ) => `https://${host}.example.com/${path}`),
  "uri-reference": () => fc.stringMatching(WORD).map((path) => `/${path}`),
  hostname: () => fc.stringMatching(WORD).map((host) => `${host}.example.com`),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  uuid: () => fc.uuid(),
};

function valueArbitrary(
  field: InputField,
  hint: FieldFixtureHint,
  path: string,
  requiredOnly: boolean,
): fc.Arbitrary<unknown> {
  if (hint.choices !== undefined && hint.choices.length > 0) {
    return fc.constantFrom(...hint.choices);
  }
  const types = hint.jsonTypes;
  if (types.includes("object")) {
    if (field.properties !== undefined) {
      return objectArbitrary(field.properties, path, requiredOnly);
    }
    return fc.dictionary(
      fc.stringMatching(WORD),
      fc.oneof(fc.stringMatching(WORD), fc.integer(), fc.boolean()),
      {
        maxKeys: 3,
      },
    );
  }
  if (types.includes("string")) {
    const format = hint.format === undefined ? undefined : FORMATS[hint.format];
    if (format !== undefined) return format();
    const minLength = Math.max(1, hint.minLength ?? 1);
    const maxLength = Math.max(minLength, hint.maxLength ?? 40);
    // Letters only: a string that looks like a number or is blank would be coerced or removed.
    return fc.string({
      minLength,
      maxLength,
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz ABCXYZ"),
    })
      .filter((text) => text.trim() !== "");
  }
  if (types.includes("integer")) {
    return fc.integer({
      min: Math.ceil(hint.minimum ?? -1_000_000),
      max: Math.floor(hint.maximum ?? 1_000_000),
    });
  }
  if (types.includes("number")) {
    return fc.double({
      min: hint.minimum ?? -1_000_000,
      max: hint.maximum ?? 1_000_000,
      noNaN: true,
      noDefaultInfinity: true,
    }).map((value) => (Object.is(value, -0) ? 0 : value));
  }
  if (types.includes("boolean")) return fc.boolean();
  throw new TypeError(
    `Cannot build an arbitrary for "${path}": no generator for JSON types ${
      types.join(", ")
    }`,
  );
}

function dates(): fc.Arbitrary<Date> {
  return fc.date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2099-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
    .map((value) => new Date(Math.floor(value.getTime() / 1000) * 1000));
}
