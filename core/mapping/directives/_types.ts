// What a directive is. Each directive file exports its compiler (in a Directive), its validation
// rule and the event keys it reads, apart so that a bundle carries only what it uses.
import { MappingResolveError } from "../mapping_resolve_error.ts";
import type { Meter } from "../_budget.ts";

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
  /**
   * The event paths the value under its key reads, as Segment's
   * `getFieldValueKeys` (`read` lists those of a nested value); `undefined`
   * when Segment reads none, so that the next directive key is tried.
   */
  keys?(
    value: unknown,
    read: (value: unknown) => unknown[],
  ): unknown[] | undefined;
}

/** Returns a resolver that throws a fresh `Error(message)` each time it runs, as Segment throws while resolving. */
export function failWith(message: string): Resolver {
  return () => {
    throw new MappingResolveError(message);
  };
}
