// The mapping compiler: a mapping becomes a tree of closures once, then resolves each event cheaply.
import { removeUndefined } from "./_clean.ts";
import { isDirective, isObject, realTypeOf } from "./_real_type.ts";
import { getMappingToProcess } from "./_root.ts";
import { validateProcessedMapping } from "./_validate.ts";
import type {
  CompileContext,
  DirectiveTable,
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
}

/** A mapping checked and compiled once, resolved against any number of events. */
export interface CompiledMapping {
  /** The mapping as given. */
  readonly mapping: unknown;
  /**
   * Returns the mapping resolved against `data`, exactly as `transform`.
   * @throws {Error} `data must be an object, got ...` when `data` is not an object, or what a directive throws.
   * @throws {MappingDepthError} When a value is nested deeper than `maxDepth` or is cyclic.
   */
  resolve(data?: unknown): Record<string, unknown>;
  /**
   * Returns the mapping resolved against each element of `data`, exactly as `transformBatch`.
   * @throws {Error} `data must be an array, got ...` when `data` is not an array.
   */
  resolveBatch(data?: unknown[]): Record<string, unknown>[];
}

/** The static check run on a mapping (after its root directive is applied) before it compiles. */
export type MappingValidator = (mapping: unknown, maxDepth: number) => void;

interface Environment {
  readonly table: DirectiveTable;
  readonly validate: MappingValidator;
  readonly maxDepth: number;
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
    throw new Error(`data must be an object, got ${realTypeOf(data)}`);
  }
  return data;
}

function createContext(
  depth: number,
  environment: Environment,
): CompileContext {
  return {
    maxDepth: environment.maxDepth,
    compile: (value) => compileNode(value, depth + 1, environment).resolve,
    compileTransform: (mapping) =>
      compileNested(mapping, depth + 1, environment),
  };
}

function compileDirective(
  directive: Record<string, unknown>,
  depth: number,
  environment: Environment,
): Resolver {
  const name = Object.keys(directive).find((key) =>
    key.startsWith("@")
  ) as string;
  const compiler = Object.hasOwn(environment.table, name)
    ? environment.table[name]
    : undefined;
  if (compiler === undefined) {
    return () => {
      throw new Error(`${name} is not a valid directive, got undefined`);
    };
  }
  return compiler(directive[name], createContext(depth, environment));
}

function compileArray(
  items: unknown[],
  depth: number,
  environment: Environment,
): Node {
  const nodes = items.map((item) => compileNode(item, depth + 1, environment));
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
): Node {
  const keys = Object.keys(object);
  const nodes = keys.map((key) =>
    compileNode(object[key], depth + 1, environment)
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
): Node {
  if (depth > environment.maxDepth) throw mappingTooDeep(environment.maxDepth);
  if (Array.isArray(value)) return compileArray(value, depth, environment);
  if (!isObject(value)) return constant(value);
  if (isDirective(value)) {
    return {
      constant: false,
      resolve: compileDirective(value, depth, environment),
    };
  }
  return compileObject(value, depth, environment);
}

function compileProcessed(
  mapping: unknown,
  depth: number,
  environment: Environment,
): Resolver {
  const processed = getMappingToProcess(mapping);
  environment.validate(processed, environment.maxDepth);
  return compileNode(processed, depth, environment).resolve;
}

// `@transform`'s `apply` runs like a whole mapping; Segment checks it each time it runs, so its errors wait until then.
function compileNested(
  mapping: unknown,
  depth: number,
  environment: Environment,
): Resolver {
  let resolve: Resolver;
  try {
    resolve = compileProcessed(mapping, depth, environment);
  } catch (error) {
    if (error instanceof MappingDepthError) throw error;
    resolve = () => {
      throw error;
    };
  }
  const { maxDepth } = environment;
  return (data) => removeUndefined(resolve(checkData(data)), maxDepth);
}

function guard<T>(run: () => T, maxDepth: number, tooDeep = valueTooDeep): T {
  try {
    return run();
  } catch (error) {
    if (isStackOverflow(error)) throw tooDeep(maxDepth);
    throw error;
  }
}

/** Throws as Segment's transformBatch does when `data` is not an array. */
export function checkBatchData(data: unknown): void {
  if (!Array.isArray(data)) {
    throw new Error(`data must be an array, got ${realTypeOf(data)}`);
  }
}

// An object of closures, not a class with #private fields: browser bundles
// (es2020) would otherwise carry esbuild's private-field helpers.
function createCompiled(
  mapping: unknown,
  resolve: Resolver,
  maxDepth: number,
): CompiledMapping {
  return {
    mapping,
    resolve(data?: unknown): Record<string, unknown> {
      const checked = checkData(data);
      return guard(
        () =>
          removeUndefined(resolve(checked), maxDepth) as Record<
            string,
            unknown
          >,
        maxDepth,
      );
    },
    resolveBatch(data: unknown[] = []): Record<string, unknown>[] {
      checkBatchData(data);
      return guard(
        () =>
          data.map((item) =>
            removeUndefined(resolve(item), maxDepth) as Record<
              string,
              unknown
            >
          ),
        maxDepth,
      );
    },
  };
}

/** Validates `mapping` with `validate` (Segment's checks unless given) and compiles it with the directives of `table`. */
export function compileWithTable(
  mapping: unknown,
  table: DirectiveTable,
  options: CompileMappingOptions,
  validate: MappingValidator,
): CompiledMapping {
  const { maxDepth = DEFAULT_MAX_DEPTH } = options;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(
      `Cannot compile mapping: maxDepth must be a positive integer, got ${maxDepth}`,
    );
  }
  const environment: Environment = { table, validate, maxDepth };
  const resolve = guard(
    () => compileProcessed(mapping, 0, environment),
    maxDepth,
    mappingTooDeep,
  );
  return createCompiled(mapping, resolve, maxDepth);
}

/** Runs Segment's checks on `mapping`: the root directive, then the rules of each directive. */
export function validateWithLimit(mapping: unknown, maxDepth: number): void {
  guard(
    () => validateProcessedMapping(getMappingToProcess(mapping), maxDepth),
    maxDepth,
    mappingTooDeep,
  );
}
