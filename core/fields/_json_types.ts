// AJV-compatible type tests and coercions (`coerceTypes: "array"`), one entry per JSON type.

/** A JSON Schema type name. */
export type JSONType =
  | "string"
  | "number"
  | "integer"
  | "boolean"
  | "null"
  | "array"
  | "object";

/** Returned by a coercion that does not apply. */
export const NO_COERCION: unique symbol = Symbol("no coercion");

interface JSONTypeBehaviour {
  /** Whether the value already has the type. */
  has(value: unknown): boolean;
  /** The value converted to the type, or NO_COERCION. */
  coerce(value: unknown): unknown;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** AJV: a non-empty string that equals its numeric value loosely (" 5 " and "0x10" too). */
function numericString(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

const behaviours: Record<JSONType, JSONTypeBehaviour> = {
  string: {
    has: (value) => typeof value === "string",
    coerce: (value) =>
      typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : value === null
        ? ""
        : NO_COERCION,
  },
  number: {
    has: isFiniteNumber,
    coerce: (value) =>
      typeof value === "boolean"
        ? Number(value)
        : value === null
        ? 0
        : numericString(value) ?? NO_COERCION,
  },
  integer: {
    has: (value) => isFiniteNumber(value) && Number.isInteger(value),
    coerce(value) {
      if (typeof value === "boolean") return Number(value);
      if (value === null) return 0;
      const number = numericString(value);
      return number !== undefined && Number.isInteger(number)
        ? number
        : NO_COERCION;
    },
  },
  boolean: {
    has: (value) => typeof value === "boolean",
    coerce: (value) =>
      value === "false" || value === 0 || value === null
        ? false
        : value === "true" || value === 1
        ? true
        : NO_COERCION,
  },
  null: {
    has: (value) => value === null,
    coerce: (value) =>
      value === "" || value === 0 || value === false ? null : NO_COERCION,
  },
  array: {
    has: Array.isArray,
    coerce: (value) =>
      typeof value === "string" || typeof value === "number" ||
        typeof value === "boolean" ||
        value === null
        ? [value]
        : NO_COERCION,
  },
  object: {
    has: isPlainValueObject,
    coerce: () => NO_COERCION,
  },
};

/** Whether a value is an object and not an array or null (AJV's `object`). */
export function isPlainValueObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether the value has one of the types. */
export function hasJSONType(
  value: unknown,
  types: readonly JSONType[],
): boolean {
  for (let index = 0; index < types.length; index++) {
    if (behaviours[types[index]].has(value)) return true;
  }
  return false;
}

/** The result of {@linkcode coerceToJSONTypes}. */
export interface Coercion {
  /** The coerced value, or NO_COERCION when none applies. */
  value: unknown;
  /** Whether a one-item array was unwrapped on the way. */
  unwrapped: boolean;
}

/**
 * Coerces a value that has none of `types` the way AJV does with
 * `coerceTypes: "array"`: a one-item array is unwrapped, then the first type
 * whose coercion applies wins.
 */
export function coerceToJSONTypes(
  value: unknown,
  types: readonly JSONType[],
): Coercion {
  let current = value;
  let unwrapped = false;
  // AJV coerces nothing (and unwraps nothing) when no type is coercible: an object field.
  if (types.length === 1 && types[0] === "object") {
    return { value: NO_COERCION, unwrapped };
  }
  if (Array.isArray(current) && current.length === 1) {
    current = current[0];
    unwrapped = true;
    // AJV's test after unwrapping only works for a single type: with several (allowNull,
    // datetime) the unwrapped value always goes through the coercions below.
    if (types.length === 1 && hasJSONType(current, types)) {
      return { value: current, unwrapped };
    }
  }
  for (const type of types) {
    const coerced = behaviours[type].coerce(current);
    if (coerced !== NO_COERCION) return { value: coerced, unwrapped };
  }
  return { value: NO_COERCION, unwrapped };
}
