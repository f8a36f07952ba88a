// The static check of a mapping with short messages: the rules of _validate.ts (same
// decisions, same error classes, same paths), without Segment's message tables.
import { realTypeOf } from "./_real_type.ts";
import { MappingDepthError, mappingTooDeep } from "./mapping_depth_error.ts";
import { ValidationError } from "./validation_error.ts";

type Stack = readonly string[];
type Check = (value: unknown, stack: Stack) => void;
/** A directive's fields: each one's check, and whether it is required. */
type Fields = Record<string, [Check, boolean?]>;

const JSON_TYPES = ["object", "array", "boolean", "string", "number", "null"];

function fail(stack: Stack, message: string): never {
  throw new ValidationError(message, stack);
}

// Collects what `run` throws into `errors`; a MappingDepthError stops everything.
function collect(errors: Error[], run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof MappingDepthError) throw error;
    if (error instanceof AggregateError) errors.push(...error.errors);
    else errors.push(error as Error);
  }
}

function throwAll(errors: Error[]): void {
  if (errors.length > 0) {
    throw new AggregateError(
      errors,
      errors.map((error) => error.message).join("\n"),
    );
  }
}

function typeOf(value: unknown): string {
  const type = realTypeOf(value);
  return type === "object" &&
      Object.keys(value as object).some((key) => key[0] === "@")
    ? "directive"
    : type;
}

function expect(type: string): Check {
  return (value, stack) => {
    if (typeOf(value) !== type) fail(stack, `should be a ${type}`);
  };
}

const isString = expect("string");
const isBoolean = expect("boolean");

function isArray(value: unknown, stack: Stack): void {
  if (realTypeOf(value) !== "array") {
    fail(stack, "should be an array");
  }
}

function lengthBetween(min: number, max: number): Check {
  return (value, stack) => {
    isString(value, stack);
    const { length } = value as string;
    if (length < min || length > max) {
      fail(stack, `should have ${min} to ${max} characters`);
    }
  };
}

function oneOf(...allowed: string[]): Check {
  return (value, stack) => {
    isString(value, stack);
    if (!allowed.includes((value as string).toLowerCase())) {
      fail(stack, `should be one of ${allowed}`);
    }
  };
}

/** Checks `mapping` (after the root directive is applied) with the rules of `validateProcessedMapping`. */
export function validateProcessedMappingLean(
  mapping: unknown,
  maxDepth: number,
): void {
  let depth = 0;

  function nested(run: () => void): void {
    if (++depth > maxDepth) throw mappingTooDeep(maxDepth);
    try {
      run();
    } finally {
      depth--;
    }
  }

  function any(value: unknown, stack: Stack): void {
    const type = typeOf(value);
    if (type === "directive") directive(value as object, stack);
    else if (type === "object") object(value, stack);
  }

  function raw(value: unknown, stack: Stack): void {
    const type = typeOf(value);
    if (type === "directive") directive(value as object, stack);
    else if (!JSON_TYPES.includes(type)) {
      fail(stack, "should be a directive or a JSON value");
    }
  }

  function stringOrDirective(value: unknown, stack: Stack): void {
    if (typeOf(value) === "directive") directive(value as object, stack);
    else isString(value, stack);
  }

  function objectOrDirective(value: unknown, stack: Stack): void {
    if (typeOf(value) === "directive") directive(value as object, stack);
    else object(value, stack);
  }

  function object(value: unknown, stack: Stack): void {
    if (typeOf(value) !== "object") fail(stack, "should be an object");
    const record = value as Record<string, unknown>;
    const errors: Error[] = [];
    nested(() => {
      for (const key of Object.keys(record)) {
        collect(errors, () => any(record[key], [...stack, key]));
      }
    });
    throwAll(errors);
  }

  function withFields(value: unknown, fields: Fields, stack: Stack): void {
    object(value, stack);
    const record = value as Record<string, unknown>;
    const errors: Error[] = [];
    for (const [name, [check, required]] of Object.entries(fields)) {
      collect(errors, () => {
        const field = record[name];
        if (field !== undefined) check(field, [...stack, name]);
        else if (required) fail(stack, `should have "${name}"`);
      });
    }
    throwAll(errors);
  }

  const RULES: Record<string, (value: unknown, stack: Stack) => void> = {
    "@if": (value, stack) =>
      withFields(value, { exists: [raw], then: [raw], else: [raw] }, stack),
    "@case": (value, stack) =>
      withFields(value, {
        operator: [isString],
        value: [stringOrDirective],
      }, stack),
    "@replace": (value, stack) =>
      withFields(value, {
        pattern: [lengthBetween(1, 10), true],
        replacement: [lengthBetween(0, 10)],
        value: [stringOrDirective, true],
        ignorecase: [isBoolean],
        global: [isBoolean],
      }, stack),
    "@arrayPath": (value, stack) => {
      isArray(value, stack);
      const path = (value as unknown[])[0];
      const shape = (value as unknown[])[1];
      stringOrDirective(path, stack);
      any(shape, stack);
    },
    "@path": stringOrDirective,
    "@json": (value, stack) =>
      withFields(value, {
        value: [raw, true],
        mode: [oneOf("encode", "decode"), true],
      }, stack),
    "@flatten": (value, stack) =>
      withFields(value, { separator: [isString], value: [raw, true] }, stack),
    "@merge": (value, stack) => {
      withFields(value, {
        direction: [oneOf("left", "right")],
        objects: [isArray, true],
      }, stack);
      // As Segment does, each object is checked from an empty path.
      const { objects } = value as { objects: unknown[] };
      for (let index = 0; index < objects.length; index++) {
        objectOrDirective(objects[index], []);
      }
    },
    "@template": stringOrDirective,
    "@literal": raw,
    "@transform": (value, stack) =>
      withFields(value, {
        apply: [objectOrDirective, true],
        mapping: [objectOrDirective, true],
      }, stack),
    "@excludeWhenNull": raw,
    "@liquid": isString,
  };

  function directive(value: object, stack: Stack): void {
    const keys = Object.keys(value);
    const names = keys.filter((key) => key[0] === "@");
    const name = names[0];
    if (
      names.length > 1 ||
      keys.some((key) => key[0] !== "@" && key !== "_metadata")
    ) {
      fail(stack, "should have one @-prefixed key only");
    }
    if (!Object.hasOwn(RULES, name)) fail(stack, `has unknown ${name}`);
    nested(() => {
      try {
        RULES[name]((value as Record<string, unknown>)[name], [...stack, name]);
      } catch (error) {
        if (
          error instanceof MappingDepthError ||
          error instanceof ValidationError || error instanceof AggregateError
        ) throw error;
        fail(stack, (error as Error).message);
      }
    });
  }

  any(mapping, []);
}
