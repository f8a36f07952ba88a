// What a directive is, and what the directive files share. Each directive file exports its compiler
// (in a Directive), its validation rule and the event keys it reads, apart so that a bundle carries
// only what it uses.
import { MappingResolveError } from "../mapping_resolve_error.ts";
import type { Meter } from "../_budget.ts";
import { isObject, realTypeOf } from "../_real_type.ts";

/** A compiled piece of mapping: from event data to its value. */
export type Resolver = (data: unknown) => unknown;

/** What a directive's compiler may ask of the mapping compiler. */
export interface CompileContext extends Meter {
  /** The nesting limit for values the directive walks (flatten, null cleaning, JSON). */
  readonly maxDepth: number;
  /** The largest string, object or array the directive may produce. */
  readonly maxOutputSize: number;
  /** The directive and its path in the mapping, for messages: `@replace at /v/@replace`. */
  readonly place: string;
  /** Compiles a value nested in the directive under `keys` (for the path in messages). */
  compile(value: unknown, ...keys: string[]): Resolver;
  /** Compiles a nested mapping as `transform` runs it (root directive, validation, `undefined` removal). */
  compileTransform(mapping: unknown, ...keys: string[]): Resolver;
}

/** The keys from a mapping's root to a value, as validation messages name them. */
export type Stack = readonly string[];

/** Lists the event keys a directive's value reads (`read` lists those of a nested value); `undefined` when none. */
export type KeysReader = (
  value: unknown,
  read: (value: unknown) => unknown[],
) => unknown[] | undefined;

/**
 * The event keys a directive's value reads: a reader, or `{ valueWhen: key }`
 * for Segment's rule of `@case`, `@flatten`, `@json` and `@replace` (those
 * of the `value` option, once the options have `key`; none otherwise).
 */
export type ValueKeys = KeysReader | { readonly valueWhen: string };

/** Checks one value at `stack`: throws a `ValidationError` (or an `AggregateError` of them). */
export type Check = (value: unknown, stack: Stack) => void;

/** The checks of Segment's validate, for directives' rules; messages are Segment's. */
export interface Checker {
  /** Any mapping value: directives and objects are checked within. */
  any: Check;
  /** A directive or a JSON value. */
  raw: Check;
  /** A directive or a string. */
  stringOrDirective: Check;
  /** A directive or an object (checked within). */
  objectOrDirective: Check;
  /** An array. */
  array: Check;
  /** A string. */
  string: Check;
  /** A boolean. */
  boolean: Check;
  /** A string of `min` to `max` characters. */
  length(min: number, max: number): Check;
  /** One of `allowed`, in any case. */
  oneOf(...allowed: string[]): Check;
  /** An object whose named fields pass their check (`true`: the field is required). */
  fields(
    value: unknown,
    fields: Record<string, readonly [Check, boolean?]>,
    stack: Stack,
  ): void;
}

/** Checks the value under a directive's key as Segment's validate does. */
export type Rule = (value: unknown, check: Checker, stack: Stack) => void;

/** One directive of the mapping language: its name and compiler (its file also exports its rule and keys). */
export interface Directive {
  /** Its key: `@path`, `@if`, ... */
  readonly name: string;
  /** Compiles the value under its key into a resolver. */
  compile(value: unknown, context: CompileContext): Resolver;
}

/** A directive whose value must be an object, for {@linkcode objectDirective}. */
export interface ObjectDirective {
  /** Its key: `@case`, `@merge`, ... */
  readonly name: string;
  /** What Segment's message for a value that is not an object says it needs: `a "value" key`. */
  readonly needs: string;
  /** The keys whose value must be truthy, in the order Segment checks them. */
  readonly requires: readonly string[];
  /** Compiles the value once it is an object with the keys it requires. */
  compile(options: Record<string, unknown>, context: CompileContext): Resolver;
}

/** Returns a resolver that throws a fresh `Error(message)` each time it runs, as Segment throws while resolving. */
export function failWith(message: string): Resolver {
  return () => {
    throw new MappingResolveError(message);
  };
}

/** Compiles `value` (a directive) into a resolver that throws Segment's `@path: expected string, got number` when it resolves to anything but a string. */
export function compileString(
  name: string,
  value: unknown,
  context: CompileContext,
): (data: unknown) => string {
  const resolve = context.compile(value);
  return (data) => {
    const resolved = resolve(data);
    if (typeof resolved !== "string") {
      throw new MappingResolveError(
        `${name}: expected string, got ${realTypeOf(resolved)}`,
      );
    }
    return resolved;
  };
}

/**
 * Returns the directive `definition` describes: when its value is not an
 * object, or lacks a key it requires, it compiles to a resolver that throws
 * Segment's message; otherwise to what `definition.compile` returns.
 */
export function objectDirective(definition: ObjectDirective): Directive {
  const { name, needs, requires, compile } = definition;
  return {
    name,
    compile(options, context) {
      if (!isObject(options)) {
        return failWith(`${name} requires an object with ${needs}`);
      }
      for (const key of requires) {
        if (!options[key]) return failWith(`${name} requires a "${key}" key`);
      }
      return compile(options, context);
    },
  };
}

/** The rule of a directive whose value is any mapping value, a directive or JSON (`@literal`, `@excludeWhenNull`). */
export function rawValueRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.raw(value, stack);
}

// Segment lists such a directive's own "key" as "", which is filtered out.
/** The event keys of a directive whose value Segment does not walk for keys (`@literal`, `@excludeWhenNull`), as Segment lists them. */
export function ownEmptyKey(): unknown[] {
  return [""];
}
