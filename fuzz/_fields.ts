// Generated field definitions (valid ones, with hostile names and constraints) and payloads.
import fc from "fast-check";
import type { InputFields } from "@destkit/core";
import { fieldKinds, FORMAT_CHECKS } from "@destkit/core/engine";
import {
  hostileValue,
  type HostileValueOptions,
  key,
  objectOf,
} from "./_values.ts";

const TYPES = Object.keys(fieldKinds);
const FORMATS = Object.keys(FORMAT_CHECKS);

type Tree = { fields: unknown; field: unknown };

/** Field definitions: every type, most constraints, nested properties, prototype-named keys. */
export function fieldsArbitrary(): fc.Arbitrary<InputFields> {
  const { fields } = fc.letrec<Tree>((tie) => ({
    fields: fc.array(fc.tuple(key, tie("field")), {
      minLength: 1,
      maxLength: 4,
    })
      .map((entries) => objectOf(entries.filter(([name]) => name !== ""))),
    field: fc.constantFrom(...TYPES).chain((type) =>
      fc.record({
        label: fc.constant("Field"),
        type: fc.constant(type),
        required: fc.boolean(),
        multiple: fc.boolean(),
        allowNull: fc.boolean(),
        ...(type === "string" || type === "text" || type === "password"
          ? {
            format: type === "string"
              ? fc.constantFrom(...FORMATS)
              : fc.constant(undefined),
            minLength: fc.integer({ min: 0, max: 5 }),
            maxLength: fc.integer({ min: 5, max: 100 }),
            choices: fc.array(
              fc.constantFrom("a", "b", "toString", "__proto__"),
              {
                minLength: 1,
                maxLength: 3,
              },
            ),
          }
          : {}),
        ...(type === "number" || type === "integer"
          ? {
            minimum: fc.integer({ min: -10, max: 0 }),
            maximum: fc.integer({ min: 0, max: 10 }),
          }
          : {}),
        ...(type === "object"
          ? {
            properties: fc.oneof(
              { depthSize: "small" },
              fc.constant(undefined),
              tie("fields"),
            ),
            additionalProperties: fc.boolean(),
          }
          : {}),
      }, { requiredKeys: ["label", "type"] })
    ),
  }));
  return fields as fc.Arbitrary<InputFields>;
}

/** A payload for `fields`: hostile values under the declared keys and a few others. */
export function payloadArbitrary(
  fields: InputFields,
  options: HostileValueOptions,
): fc.Arbitrary<unknown> {
  const value = hostileValue(options);
  const poison = fc.constantFrom<unknown>(
    { length: { toString: 1 } },
    { toString: 1 },
    { valueOf: 1, toString: 1 },
    objectOf([["length", 3]], true),
    Object.setPrototypeOf(["a"], null),
    objectOf([["__proto__", { polluted: true }]]),
  );
  const member = fc.oneof({ weight: 3, arbitrary: value }, {
    weight: 1,
    arbitrary: poison,
  });
  return fc.tuple(
    fc.array(fc.tuple(fc.constantFrom(...Object.keys(fields), "a"), member), {
      maxLength: 5,
    }),
    fc.array(fc.tuple(key, member), { maxLength: 2 }),
    fc.boolean(),
  ).map(([declared, extra, bare]) => objectOf([...declared, ...extra], bare));
}
