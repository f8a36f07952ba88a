// The static check of a mapping: the walk and messages of Segment's mapping-kit validate.
import {
  indefiniteArticle,
  isDirective,
  isDirectiveKey,
  realTypeOf,
} from "./_real_type.ts";
import type { Check, Checker, Rule, Stack } from "./directives/_types.ts";
import { MappingDepthError, mappingTooDeep } from "./mapping_depth_error.ts";
import { ValidationError } from "./validation_error.ts";

const INDENT = /^(?!\s*$)/gm;
const JSON_TYPES = ["object", "array", "boolean", "string", "number", "null"];

/** Returns an `AggregateError` whose message lists each error, as the aggregate-error package formats it. */
export function aggregate(errors: Error[]): AggregateError {
  const lines = errors.map((error) => `${error.name}: ${error.message}`).join(
    "\n",
  );
  return new AggregateError(errors, `\n${lines.replace(INDENT, "    ")}`);
}

function fail(stack: Stack, message: string): never {
  throw new ValidationError(message, stack);
}

// Segment's type names, with "directive" for an object that has an @-prefixed key.
function typeOf(value: unknown): string {
  const type = realTypeOf(value);
  return type === "object" &&
      Object.keys(value as object).some(isDirectiveKey)
    ? "directive"
    : type;
}

function expected(what: string, type: string, stack: Stack): never {
  fail(
    stack,
    `should be ${what} but it is ${indefiniteArticle(type)} ${type}`,
  );
}

// Runs `run`, collecting what it throws into `errors`; a MappingDepthError stops everything.
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
  if (errors.length > 0) throw aggregate(errors);
}

function typed(what: string, type: string): Check {
  return (value, stack) => {
    const actual = typeOf(value);
    if (actual !== type) expected(what, actual, stack);
  };
}

/**
 * Returns the static check of a mapping that Segment's mapping-kit validate
 * runs before a mapping is used, knowing the directives of `rules` (a name
 * not among them is an invalid directive): the walk is here, each
 * directive's rule in its file. `compileMapping` and `validateMapping` use
 * it with every rule; pass one as `validator` to `compileMappingWith`.
 *
 * @example
 * ```ts
 * import { compileMappingWith, createMappingValidator, standardDirectives, standardRules } from "@destkit/core/engine";
 * import assert from "node:assert/strict";
 *
 * const options = { validator: createMappingValidator(standardRules) };
 * assert.throws(
 *   () => compileMappingWith({ id: { "@path": 5 } }, standardDirectives, options),
 *   (error: AggregateError) =>
 *     error.errors[0].message === "/id/@path should be a string or a mapping directive but it is a number.",
 * );
 * ```
 */
export function createMappingValidator(
  rules: Readonly<Record<string, Rule>>,
): MappingValidator {
  return (mapping, maxDepth) => validateWithRules(mapping, maxDepth, rules);
}

/** Checks a mapping (after its root directive is applied); throws `ValidationError`, `AggregateError` or `MappingDepthError`. */
export type MappingValidator = (mapping: unknown, maxDepth: number) => void;

function validateWithRules(
  mapping: unknown,
  maxDepth: number,
  rules: Readonly<Record<string, Rule>>,
): void {
  let depth = 0;
  // Options objects are checked as objects, then field by field, as Segment does; a directive
  // that passed once passes again, so it is not walked again (that would double the work per level).
  const valid = new WeakSet<object>();

  function nested(run: () => void): void {
    if (++depth > maxDepth) throw mappingTooDeep(maxDepth);
    try {
      run();
    } finally {
      depth--;
    }
  }

  function directive(value: Record<string, unknown>, stack: Stack): void {
    if (valid.has(value)) return;
    const keys = Object.keys(value);
    const names = keys.filter(isDirectiveKey);
    if (names.length > 1) {
      fail(
        stack,
        `should only have one @-prefixed key but it has ${names.length} keys`,
      );
    }
    if (!isDirective(value)) {
      fail(
        stack,
        `should only have one @-prefixed key but it has ${keys.length} keys`,
      );
    }
    const name = names[0];
    if (!Object.hasOwn(rules, name)) {
      fail(stack, `has an invalid directive: ${name}`);
    }
    nested(() => {
      try {
        rules[name](value[name], checker, [...stack, name]);
        valid.add(value);
      } catch (error) {
        if (
          error instanceof MappingDepthError ||
          error instanceof ValidationError || error instanceof AggregateError
        ) throw error;
        fail(stack, (error as Error).message);
      }
    });
  }

  function object(value: unknown, stack: Stack): void {
    const type = typeOf(value);
    if (type !== "object") expected("an object", type, stack);
    const record = value as Record<string, unknown>;
    const errors: Error[] = [];
    nested(() => {
      for (const key of Object.keys(record)) {
        collect(errors, () => any(record[key], [...stack, key]));
      }
    });
    throwAll(errors);
  }

  function any(value: unknown, stack: Stack): void {
    const type = typeOf(value);
    if (type === "directive") {
      directive(value as Record<string, unknown>, stack);
    } else if (type === "object") object(value, stack);
  }

  // A directive, or else a value of the type `what` names (an object is checked within).
  function orDirective(what: "string" | "object"): Check {
    return (value, stack) => {
      const type = typeOf(value);
      if (type === "directive") {
        directive(value as Record<string, unknown>, stack);
      } else if (type !== what) {
        expected(`a ${what} or a mapping directive`, type, stack);
      } else if (type === "object") object(value, stack);
    };
  }

  const string = typed("a string", "string");

  const checker: Checker = {
    any,
    raw: (value, stack) => {
      const type = typeOf(value);
      if (type === "directive") {
        directive(value as Record<string, unknown>, stack);
      } else if (!JSON_TYPES.includes(type)) {
        fail(
          stack,
          `should be a mapping directive or a JSON value but it is ${
            indefiniteArticle(type)
          } ${type}`,
        );
      }
    },
    stringOrDirective: orDirective("string"),
    objectOrDirective: orDirective("object"),
    array: (value, stack) => {
      const type = realTypeOf(value);
      if (type !== "array") expected("an array", type, stack);
    },
    string,
    boolean: typed("a boolean", "boolean"),
    length: (min, max) => (value, stack) => {
      string(value, stack);
      const { length } = value as string;
      if (length < min) {
        fail(stack, `should be a string of length ${min} or greater`);
      }
      if (length > max) {
        fail(stack, `should be a string of length ${max} or less`);
      }
    },
    oneOf: (...allowed) => (value, stack) => {
      string(value, stack);
      const text = value as string;
      if (!allowed.includes(text.toLowerCase())) {
        fail(
          stack,
          `should be one of ${allowed.join(", ")} but it is ${
            JSON.stringify(text)
          }`,
        );
      }
    },
    fields: (value, fields, stack) => {
      object(value, stack);
      const record = value as Record<string, unknown>;
      const errors: Error[] = [];
      for (const name of Object.keys(fields)) {
        const [check, required] = fields[name];
        collect(errors, () => {
          const field = record[name];
          if (field !== undefined) check(field, [...stack, name]);
          else if (required) {
            fail(
              stack,
              `should have field ${JSON.stringify(name)} but it doesn't`,
            );
          }
        });
      }
      throwAll(errors);
    },
  };

  any(mapping, []);
}
