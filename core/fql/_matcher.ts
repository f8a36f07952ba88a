// The one matcher compiler: a builder the parser (or an AST walk) calls once
// per construct, returning closures that test an event without allocating.
// How paths are read and what each function means are the dialect's.
import type { FqlOperator, FqlValue } from "./ast.ts";
import type { FqlBuilder } from "./_parser.ts";
import { readPath } from "../_path.ts";

/** Reads a compiled path from an event. */
export type PathReader = (event: object) => unknown;

/** Reads one path segment from a value. */
// A missing or non-object value on the way reads as undefined (a falsy one as itself);
// a string's indices and length are its own.
export function compilePath(path: readonly string[]): PathReader {
  return (event) => readPath(event, path);
}

export function matchGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    const char = pattern[p];
    if (char === "*") {
      starAt = p++;
      resumeAt = t;
    } else if (p < pattern.length && (char === "?" || char === text[t])) {
      p++;
      t++;
    } else if (starAt !== -1) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Tests one event (an object for destkit; anything but `undefined` for Segment). */
export type Test = (event: object) => boolean;

/** A string test made from a function's argument, such as `contains`'s. */
export type TextTest = (argument: string) => (text: string) => boolean;

/** What a dialect decides in matching: how paths are read and the functions. */
export interface MatchDialect {
  readPath(path: readonly string[]): PathReader;
  functions: Readonly<Record<string, TextTest>>;
}

// Ordering (and a number or boolean `!=`) holds only for a value of the same type.
const ORDER: Record<string, (a: never, b: never) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "!=": (a, b) => a !== b,
};

/** Makes the matcher builder of one dialect. */
export function matcherBuilder(dialect: MatchDialect): FqlBuilder<Test> {
  return {
    compare(path, operator, value) {
      const read = dialect.readPath(path);
      const test = compareWith(operator, value);
      return (event) => test(read(event));
    },
    call(name, path, argument, negated) {
      const read = dialect.readPath(path);
      const test = dialect.functions[name](argument);
      return (event) => {
        const actual = read(event);
        return typeof actual === "string" && test(actual) !== negated;
      };
    },
    not(operand) {
      return (event) => !operand(event);
    },
    join(kind, children) {
      const every = kind === "and";
      return (event) => {
        for (let i = 0; i < children.length; i++) {
          if (children[i](event) !== every) return !every;
        }
        return every;
      };
    },
  };
}

/** Whether an operator and a value go together (`null` and booleans only with `=`, `!=`). */
export function isComparable(operator: unknown, value: unknown): boolean {
  const equality = operator === "=" || operator === "!=";
  return (equality || Object.hasOwn(ORDER, operator as string)) &&
    (typeof value === "string" || typeof value === "number" ||
      (equality && (value === null || typeof value === "boolean")));
}

function compareWith(
  operator: FqlOperator,
  value: FqlValue,
): (actual: unknown) => boolean {
  if (value === null) {
    return operator === "=" ? (a) => a == null : (a) => a != null;
  }
  if (operator === "=") return (a) => a === value;
  if (operator === "!=" && typeof value === "string") {
    return (a) => a !== value;
  }
  const type = typeof value;
  const order = ORDER[operator];
  return (a) => typeof a === type && order(a as never, value as never);
}

/** destkit's matching: own properties only, `match` is a glob. */
export const NATIVE_MATCHING: MatchDialect = {
  readPath: compilePath,
  functions: {
    contains: (argument) => (text) => text.includes(argument),
    match: (pattern) => (text) => matchGlob(pattern, text),
  },
};
