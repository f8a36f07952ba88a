// The shapes shared by the compiler and the directive table.
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

/** Compiles the value under a directive's key into a resolver. */
export type DirectiveCompiler = (
  value: unknown,
  context: CompileContext,
) => Resolver;

/** Directive compilers by name (`@path`, `@if`, ...). */
export type DirectiveTable = Readonly<Record<string, DirectiveCompiler>>;

/** Returns a resolver that throws a fresh `Error(message)` each time it runs, as Segment throws while resolving. */
export function failWith(message: string): Resolver {
  return () => {
    throw new Error(message);
  };
}
