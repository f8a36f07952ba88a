// The mapping compiler: a mapping becomes a tree of closures once, then resolves each event cheaply.
import { MappingResolveError } from "./mapping_resolve_error.ts";
import {
  type Budget,
  checkMappingSize,
  createMeter,
  DEFAULT_MAX_OUTPUT_SIZE,
  DEFAULT_MAX_WORK,
  type Meter,
  placeOf,
} from "./_budget.ts";
import { removeUndefined } from "./_clean.ts";
import {
  isDirective,
  isDirectiveKey,
  isObject,
  realTypeOf,
} from "./_real_type.ts";
import { getMappingToProcess } from "./_root.ts";
import type { MappingValidator } from "./mapping_validator.ts";
import { ValidationError } from "./validation_error.ts";
import type {
  CompileContext,
  Directive,
  Resolver,
} from "./directives/_types.ts";
import {
  isStackOverflow,
  MappingDepthError,
  mappingTooDeep,
  valueTooDeep,
} from "./mapping_depth_error.ts";

/** The default nesting limit of mappings and of the values they walk. */
export const DEFAULT_MAX_DEPTH = 500;

/** Options for {@linkcode compileMapping}. */
export interface CompileMappingOptions {
  /**
   * How deeply a mapping, and a value it copies or walks, may nest before a
   * `MappingDepthError` is thrown (which also stops cyclic data).
   * @default {500}
   */
  maxDepth?: number;
  /**
   * The largest value one directive may produce: characters of a string
   * (`@template`, `@replace`, `@case`, `@json`, `@liquid`), entries of an
   * object or array (`@merge`, `@arrayPath`); `@replace` and `@case` also
   * refuse a longer input string. Past it, a `MappingBudgetError` is thrown.
   * @default {4_000_000}
   */
  maxOutputSize?: number;
  /**
   * The work one resolve may do over the whole mapping, in units: one per
   * entry of an object or array copied or walked, one per 16 characters of
   * text produced. It bounds the whole output too. Past it, a
   * `MappingBudgetError` is thrown.
   * @default {250_000}
   */
  maxWork?: number;
}

/** A mapping checked and compiled once, resolved against any number of events. */
export interface CompiledMapping {
  /** The mapping as given. */
  readonly mapping: unknown;
  /**
   * Returns the mapping resolved against `data`, exactly as `transform`.
   * @throws {Error} `data must be an object, got ...` when `data` is not an object, or what a directive throws.
   * @throws {MappingDepthError} When a value is nested deeper than `maxDepth` or is cyclic.
   * @throws {MappingBudgetError} When a directive's output or the work exceeds its budget.
   */
  resolve(data?: unknown): Record<string, unknown>;
  /**
   * Returns the mapping resolved against `data` as given, not checked to be
   * an object: what `transformBatch` does with each element of its array.
   * @throws {MappingDepthError} When a value is nested deeper than `maxDepth` or is cyclic.
   * @throws {MappingBudgetError} When a directive's output or the work exceeds its budget.
   */
  resolveItem(data: unknown): Record<string, unknown>;
}

/** Options of the engine: those of `compileMapping`, and the check to run before compiling. */
export interface CompileMappingWithOptions extends CompileMappingOptions {
  /**
   * Checks the mapping before it compiles: `createMappingValidator(rules)`
   * for Segment's checks (what `compileMapping` runs). Without it, a mapping is compiled
   * as it is: an unknown directive still fails to compile, other faults
   * surface when the mapping resolves.
   */
  validator?: MappingValidator;
}

/** Directives by name. */
export type DirectiveTable = Readonly<Record<string, Directive>>;

/** Returns the directives by name. */
export function tableOf(directives: readonly Directive[]): DirectiveTable {
  const table: Record<string, Directive> = {};
  for (const directive of directives) table[directive.name] = directive;
  return table;
}

interface Environment {
  readonly table: DirectiveTable;
  readonly validator?: MappingValidator;
  readonly maxDepth: number;
  readonly budget: Budget;
}

interface Node {
  readonly resolve: Resolver;
  readonly constant: boolean;
}

function constant(value: unknown): Node {
  return { resolve: () => value, constant: true };
}

/** Returns the event to resolve against (`{}` for undefined), or throws as Segment's transform does. */
export function checkData(data: unknown): unknown {
  if (data === undefined) return {};
  if (!isObject(data)) {
    throw new MappingResolveError(
      `data must be an object, got ${realTypeOf(data)}`,
    );
  }
  return data;
}

function createContext(
  depth: number,
  environment: Environment,
  path: readonly string[],
): CompileContext {
  const meter = createMeter(environment.budget, placeOf(path));
  return {
    maxDepth: environment.maxDepth,
    maxOutputSize: environment.budget.maxOutputSize,
    place: placeOf(path),
    ...meter,
    compile: (value, ...keys) =>
      compileNode(value, depth + 1, environment, [...path, ...keys]).resolve,
    compileTransform: (mapping, ...keys) =>
      compileNested(mapping, depth + 1, environment, [...path, ...keys], meter),
  };
}

function compileDirective(
  directive: Record<string, unknown>,
  depth: number,
  environment: Environment,
  path: readonly string[],
): Resolver {
  const name = Object.keys(directive).find((key) =>
    isDirectiveKey(key)
  ) as string;
  if (!Object.hasOwn(environment.table, name)) {
    // Without a validator, an unknown name is refused here, with the validator's message; with one,
    // it is somewhere validation does not look (in an array), and fails when resolved, as in Segment.
    if (!environment.validator) {
      throw new ValidationError(`has an invalid directive: ${name}`, path);
    }
    return () => {
      throw new MappingResolveError(
        `${name} is not a valid directive, got undefined`,
      );
    };
  }
  return environment.table[name].compile(
    directive[name],
    createContext(depth, environment, [...path, name]),
  );
}

function compileArray(
  items: unknown[],
  depth: number,
  environment: Environment,
  path: readonly string[],
): Node {
  // Index loops, not `map`: an array without a prototype has no methods.
  const nodes: Node[] = [];
  for (let index = 0; index < items.length; index++) {
    nodes.push(
      compileNode(items[index], depth + 1, environment, [
        ...path,
        String(index),
      ]),
    );
  }
  if (nodes.every((node) => node.constant)) return constant(items);
  const resolvers = nodes.map((node) => node.resolve);
  return {
    constant: false,
    resolve: (data) => resolvers.map((resolve) => resolve(data)),
  };
}

function compileObject(
  object: Record<string, unknown>,
  depth: number,
  environment: Environment,
  path: readonly string[],
): Node {
  const keys = Object.keys(object);
  const nodes = keys.map((key) =>
    compileNode(object[key], depth + 1, environment, [...path, key])
  );
  const proto = Object.getPrototypeOf(object);
  const plain = proto === Object.prototype || proto === null;
  if (
    plain && !keys.includes("__proto__") && nodes.every((node) => node.constant)
  ) return constant(object);
  const resolvers = nodes.map((node) => node.resolve);
  const count = keys.length;
  return {
    constant: false,
    resolve: (data) => {
      const resolved: Record<string, unknown> = {};
      for (let index = 0; index < count; index++) {
        const value = resolvers[index](data);
        // Segment assigns "__proto__" with `=`, which never creates the key.
        if (keys[index] !== "__proto__") resolved[keys[index]] = value;
      }
      return resolved;
    },
  };
}

function compileNode(
  value: unknown,
  depth: number,
  environment: Environment,
  path: readonly string[],
): Node {
  if (depth > environment.maxDepth) throw mappingTooDeep(environment.maxDepth);
  if (Array.isArray(value)) {
    return compileArray(value, depth, environment, path);
  }
  if (!isObject(value)) return constant(value);
  if (isDirective(value)) {
    return {
      constant: false,
      resolve: compileDirective(value, depth, environment, path),
    };
  }
  return compileObject(value, depth, environment, path);
}

function compileProcessed(
  mapping: unknown,
  depth: number,
  environment: Environment,
  path: readonly string[],
): Resolver {
  const processed = getMappingToProcess(mapping);
  environment.validator?.(processed, environment.maxDepth);
  return compileNode(processed, depth, environment, path).resolve;
}

// `@transform`'s `apply` runs like a whole mapping; Segment checks it each time it runs, so its errors wait until then.
function compileNested(
  mapping: unknown,
  depth: number,
  environment: Environment,
  path: readonly string[],
  meter: Meter,
): Resolver {
  let resolve: Resolver;
  try {
    resolve = compileProcessed(mapping, depth, environment, path);
  } catch (error) {
    if (error instanceof MappingDepthError) throw error;
    resolve = () => {
      throw error;
    };
  }
  const { maxDepth } = environment;
  return (data) => removeUndefined(resolve(checkData(data)), maxDepth, meter);
}

function guard<T>(
  run: () => T,
  environment: Environment,
  tooDeep = valueTooDeep,
): T {
  try {
    return run();
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(environment.maxDepth);
    throw error;
  }
}

/** Throws as Segment's transformBatch does when `data` is not an array. */
export function checkBatchData(data: unknown): void {
  if (!Array.isArray(data)) {
    throw new MappingResolveError(
      `data must be an array, got ${realTypeOf(data)}`,
    );
  }
}

// An object of closures, not a class with #private fields: browser bundles
// would otherwise carry esbuild's private-field helpers.
function createCompiled(
  mapping: unknown,
  resolve: Resolver,
  environment: Environment,
): CompiledMapping {
  const { budget, maxDepth } = environment;
  const output = createMeter(budget, "the output");
  function resolveItem(data: unknown): Record<string, unknown> {
    return guard(() => {
      budget.spent = 0;
      return removeUndefined(resolve(data), maxDepth, output) as Record<
        string,
        unknown
      >;
    }, environment);
  }
  return {
    mapping,
    resolve: (data) => resolveItem(checkData(data)),
    resolveItem,
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot compile mapping: ${name} must be a positive integer, got ${value}`,
    );
  }
  return value;
}

/** Validates `mapping` and compiles it with `directives`, under the limits of `options`. */
export function compileWith(
  mapping: unknown,
  directives: readonly Directive[],
  options: CompileMappingWithOptions,
): CompiledMapping {
  const {
    maxDepth = DEFAULT_MAX_DEPTH,
    maxOutputSize = DEFAULT_MAX_OUTPUT_SIZE,
    maxWork = DEFAULT_MAX_WORK,
  } = options;
  const environment: Environment = {
    table: tableOf(directives),
    validator: options.validator,
    maxDepth: positiveInteger("maxDepth", maxDepth),
    budget: {
      maxOutputSize: positiveInteger("maxOutputSize", maxOutputSize),
      maxWork: positiveInteger("maxWork", maxWork),
      spent: 0,
    },
  };
  const resolve = guard(
    () => compileProcessed(mapping, 0, environment, []),
    environment,
    mappingTooDeep,
  );
  return createCompiled(mapping, resolve, environment);
}

/** Runs `validator` on `mapping` after its root directive is applied. */
export function validateWith(
  mapping: unknown,
  maxDepth: number,
  validator: MappingValidator,
): void {
  try {
    checkMappingSize(mapping, DEFAULT_MAX_WORK);
    validator(getMappingToProcess(mapping), maxDepth);
  } catch (error) {
    if (isStackOverflow(error)) throw mappingTooDeep(maxDepth);
    throw error;
  }
}
