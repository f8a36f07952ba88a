// The static check of a mapping: a port of the rules (and messages) of Segment's mapping-kit validate.
import {
  indefiniteArticle,
  isDirective,
  isObject,
  realTypeOf,
} from "./_real_type.ts";
import { MappingDepthError, mappingTooDeep } from "./mapping_depth_error.ts";
import { ValidationError } from "./validation_error.ts";

type Stack = readonly string[];
type Validator = (value: unknown, stack: Stack) => void;
type FieldRule = { required?: Validator; optional?: Validator };

/** The longest `pattern` and `replacement` of `@replace`. */
export const MAX_PATTERN_LENGTH = 10;
export const MAX_REPLACEMENT_LENGTH = 10;

const INDENT = /^(?!\s*$)/gm;

/** Returns an `AggregateError` whose message lists each error, as the aggregate-error package formats it. */
export function aggregate(errors: Error[]): AggregateError {
  const lines = errors.map((error) => `${error.name}: ${error.message}`).join(
    "\n",
  );
  return new AggregateError(errors, `\n${lines.replace(INDENT, "    ")}`);
}

function flatAggregate(errors: unknown[]): Error[] {
  const result: Error[] = [];
  for (const error of errors) {
    if (error instanceof AggregateError) {
      for (const inner of error.errors) result.push(inner);
    } else result.push(error as Error);
  }
  return result;
}

function rethrowIfFatal(error: unknown): void {
  if (error instanceof MappingDepthError) throw error;
}

function realTypeOrDirective(value: unknown): string {
  const type = realTypeOf(value);
  if (
    type === "object" &&
    Object.keys(value as object).some((key) => key.startsWith("@"))
  ) {
    return "directive";
  }
  return type;
}

function described(type: string): string {
  return `${indefiniteArticle(type)} ${type}`;
}

/** Walks a mapping; `depth` guards against cyclic or absurdly deep mappings. */
class Walker {
  #depth = 0;
  readonly #maxDepth: number;
  // Options objects are checked as objects, then field by field, as Segment does; a directive that
  // passed once passes again, so it is not walked again (which would double the work at each level).
  readonly #valid = new WeakSet<object>();

  constructor(maxDepth: number) {
    this.#maxDepth = maxDepth;
  }

  #enter(): void {
    if (++this.#depth > this.#maxDepth) throw mappingTooDeep(this.#maxDepth);
  }

  validate(mapping: unknown, stack: Stack): void {
    switch (realTypeOrDirective(mapping)) {
      case "directive":
        return this.directive(mapping, stack);
      case "object":
        return this.object(mapping, stack);
      case "array":
        return validateArray(mapping, stack);
    }
  }

  directive(value: unknown, stack: Stack): void {
    if (!isDirective(value) && !isObject(value)) {
      throw new ValidationError(
        `should be a directive object but it is ${
          described(realTypeOf(value))
        }`,
        stack,
      );
    }
    if (this.#valid.has(value)) return;
    const keys = Object.keys(value);
    const directiveKeys = keys.filter((key) => key.startsWith("@"));
    if (directiveKeys.length > 1) {
      throw new ValidationError(
        `should only have one @-prefixed key but it has ${directiveKeys.length} keys`,
        stack,
      );
    }
    if (keys.some((key) => !key.startsWith("@") && key !== "_metadata")) {
      throw new ValidationError(
        `should only have one @-prefixed key but it has ${keys.length} keys`,
        stack,
      );
    }
    const name = directiveKeys[0];
    const rule = Object.hasOwn(DIRECTIVE_RULES, name)
      ? DIRECTIVE_RULES[name]
      : undefined;
    if (rule === undefined) {
      throw new ValidationError(`has an invalid directive: ${name}`, stack);
    }
    this.#enter();
    try {
      rule(this, value[name], [...stack, name]);
      this.#valid.add(value);
    } catch (error) {
      rethrowIfFatal(error);
      if (error instanceof ValidationError || error instanceof AggregateError) {
        throw error;
      }
      throw new ValidationError((error as Error).message, stack);
    } finally {
      this.#depth--;
    }
  }

  directiveOrRaw(value: unknown, stack: Stack): void {
    const type = realTypeOrDirective(value);
    switch (type) {
      case "directive":
        return this.directive(value, stack);
      case "object":
      case "array":
      case "boolean":
      case "string":
      case "number":
      case "null":
        return;
      default:
        throw new ValidationError(
          `should be a mapping directive or a JSON value but it is ${
            described(type)
          }`,
          stack,
        );
    }
  }

  directiveOrString(value: unknown, stack: Stack): void {
    const type = realTypeOrDirective(value);
    if (type === "directive") return this.directive(value, stack);
    if (type !== "string") {
      throw new ValidationError(
        `should be a string or a mapping directive but it is ${
          described(type)
        }`,
        stack,
      );
    }
  }

  directiveOrObject(value: unknown, stack: Stack): void {
    const type = realTypeOrDirective(value);
    if (type === "directive") return this.directive(value, stack);
    if (type === "object") return this.object(value, stack);
    throw new ValidationError(
      `should be a object or a mapping directive but it is ${described(type)}`,
      stack,
    );
  }

  object(value: unknown, stack: Stack): void {
    const type = realTypeOrDirective(value);
    if (type !== "object") {
      throw new ValidationError(
        `should be an object but it is ${described(type)}`,
        stack,
      );
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const directiveKey = keys.find((key) => key.charAt(0) === "@");
    if (directiveKey) {
      throw new ValidationError(
        `shouldn't have directive (@-prefixed) keys but it has ${
          JSON.stringify(directiveKey)
        }`,
        stack,
      );
    }
    this.#enter();
    const errors: unknown[] = [];
    try {
      for (const key of keys) {
        try {
          this.validate(record[key], [...stack, key]);
        } catch (error) {
          rethrowIfFatal(error);
          errors.push(error);
        }
      }
    } finally {
      this.#depth--;
    }
    if (errors.length) throw aggregate(flatAggregate(errors));
  }

  objectWithFields(
    value: unknown,
    fields: Record<string, FieldRule>,
    stack: Stack,
  ): void {
    this.object(value, stack);
    const record = value as Record<string, unknown>;
    const errors: unknown[] = [];
    for (const [name, { required, optional }] of Object.entries(fields)) {
      try {
        if (required) {
          if (record[name] === undefined) {
            throw new ValidationError(
              `should have field ${JSON.stringify(name)} but it doesn't`,
              stack,
            );
          }
          required(record[name], [...stack, name]);
        } else if (optional && record[name] !== undefined) {
          optional(record[name], [...stack, name]);
        }
      } catch (error) {
        rethrowIfFatal(error);
        errors.push(error);
      }
    }
    if (errors.length) throw aggregate(flatAggregate(errors));
  }
}

function validateArray(value: unknown, stack: Stack): void {
  const type = realTypeOf(value);
  if (type !== "array") {
    throw new ValidationError(
      `should be an array but it is ${described(type)}`,
      stack,
    );
  }
}

function validateString(value: unknown, stack: Stack): void {
  const type = realTypeOrDirective(value);
  if (type !== "string") {
    throw new ValidationError(
      `should be a string but it is ${described(type)}`,
      stack,
    );
  }
}

function validateBoolean(value: unknown, stack: Stack): void {
  const type = realTypeOrDirective(value);
  if (type !== "boolean") {
    throw new ValidationError(
      `should be a boolean but it is ${described(type)}`,
      stack,
    );
  }
}

function stringOfLength(min: number, max: number): Validator {
  return (value, stack) => {
    validateString(value, stack);
    const text = value as string;
    if (text.length < min) {
      throw new ValidationError(
        `should be a string of length ${min} or greater`,
        stack,
      );
    }
    if (text.length > max) {
      throw new ValidationError(
        `should be a string of length ${max} or less`,
        stack,
      );
    }
  };
}

function oneOf(...allowed: string[]): Validator {
  return (value, stack) => {
    validateString(value, stack);
    const text = value as string;
    if (!allowed.includes(text.toLowerCase())) {
      throw new ValidationError(
        `should be one of ${allowed.join(", ")} but it is ${
          JSON.stringify(text)
        }`,
        stack,
      );
    }
  };
}

type DirectiveRule = (walker: Walker, value: unknown, stack: Stack) => void;

const DIRECTIVE_RULES: Readonly<Record<string, DirectiveRule>> = {
  "@if": (w, v, stack) => {
    const raw: Validator = (x, s) => w.directiveOrRaw(x, s);
    w.objectWithFields(v, {
      exists: { optional: raw },
      then: { optional: raw },
      else: { optional: raw },
    }, stack);
  },
  "@case": (w, v, stack) => {
    w.objectWithFields(v, {
      operator: { optional: validateString },
      value: { optional: (x, s) => w.directiveOrString(x, s) },
    }, stack);
  },
  "@replace": (w, v, stack) => {
    w.objectWithFields(v, {
      pattern: { required: stringOfLength(1, MAX_PATTERN_LENGTH) },
      replacement: { optional: stringOfLength(0, MAX_REPLACEMENT_LENGTH) },
      value: { required: (x, s) => w.directiveOrString(x, s) },
      ignorecase: { optional: validateBoolean },
      global: { optional: validateBoolean },
    }, stack);
  },
  "@arrayPath": (w, v, stack) => {
    validateArray(v, stack);
    const path = (v as unknown[])[0];
    const shape = (v as unknown[])[1];
    w.directiveOrString(path, stack);
    w.validate(shape, stack);
  },
  "@path": (w, v, stack) => w.directiveOrString(v, stack),
  "@json": (w, v, stack) => {
    w.objectWithFields(v, {
      value: { required: (x, s) => w.directiveOrRaw(x, s) },
      mode: { required: oneOf("encode", "decode") },
    }, stack);
  },
  "@flatten": (w, v, stack) => {
    w.objectWithFields(v, {
      separator: { optional: validateString },
      value: { required: (x, s) => w.directiveOrRaw(x, s) },
    }, stack);
  },
  "@merge": (w, v, stack) => {
    w.objectWithFields(v, {
      direction: { optional: oneOf("left", "right") },
      objects: { required: validateArray },
    }, stack);
    // Segment checks each object from an empty path, so these messages start with "/ ".
    const { objects } = v as { objects: unknown[] };
    for (let index = 0; index < objects.length; index++) {
      w.directiveOrObject(objects[index], []);
    }
  },
  "@template": (w, v, stack) => w.directiveOrString(v, stack),
  "@literal": (w, v, stack) => w.directiveOrRaw(v, stack),
  "@transform": (w, v, stack) => {
    const objectRule: Validator = (x, s) => w.directiveOrObject(x, s);
    w.objectWithFields(v, {
      apply: { required: objectRule },
      mapping: { required: objectRule },
    }, stack);
  },
  "@excludeWhenNull": (w, v, stack) => w.directiveOrRaw(v, stack),
  "@liquid": (_w, v, stack) => validateString(v, stack),
};

/** Checks `mapping` (after the root directive is applied) as Segment's validate does. */
export function validateProcessedMapping(
  mapping: unknown,
  maxDepth: number,
): void {
  new Walker(maxDepth).validate(mapping, []);
}
