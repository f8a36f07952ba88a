// Segment's matching on the one matcher builder: its `get` for paths, its
// `startsWith`/`endsWith` for `match`, its comparisons as the builder's.
import type { FqlOperator, FqlValue } from "./ast.ts";
import { type MatchDialect, matcherBuilder, type Test } from "./_matcher.ts";
import {
  PATH_ROOTS,
  type SegmentCondition,
  type SegmentGroup,
  TOP_FIELDS,
} from "./segment_ast.ts";

// Segment's `get`: splits at ".", "[" and "]", reads through falsy values and
// inherited members. The split happens when the condition is evaluated, so a
// name that splits into nothing fails only then, as in Segment.
function readPath(path: readonly string[]): (event: object) => unknown {
  const [field, name] = path as [string, unknown];
  if (path.length === 1) {
    return (event) => (event as Record<string, unknown>)[field];
  }
  const split = (): string[] => {
    const path = name as string;
    return (Array.isArray(path) ? path : path.match(/([^[.\]])+/g))!;
  };
  const keys = typeof name === "string" ? split() : undefined;
  return (event) => {
    const object = (event as Record<string, unknown>)[field];
    if (!name) return undefined;
    return (keys ?? split()).reduce(
      (value: unknown, key) => value && (value as Record<string, unknown>)[key],
      object,
    );
  };
}

/** Segment's matching: its `get`, and the functions its AST names. */
export const SEGMENT_MATCHING: MatchDialect = {
  readPath,
  functions: {
    contains: (argument) => (text) => text.includes(argument),
    startsWith: (argument) => (text) => text.startsWith(argument),
    endsWith: (argument) => (text) => text.endsWith(argument),
  },
};

// Each comparison of Segment's AST as the one matcher's operator and value.
const COMPARISONS: Record<
  string,
  [FqlOperator, (value: unknown) => FqlValue]
> = {
  "=": ["=", String],
  "!=": ["!=", String],
  number_equals: ["=", Number],
  number_not_equals: ["!=", Number],
  "<": ["<", Number],
  "<=": ["<=", Number],
  ">": [">", Number],
  ">=": [">=", Number],
  exists: ["!=", () => null],
  not_exists: ["=", () => null],
  is_true: ["=", () => true],
  is_false: ["=", () => false],
};

const BUILD = matcherBuilder(SEGMENT_MATCHING);
const SPAN = { start: 0, middle: 0, end: 0 };
const NEVER = BUILD.join("or", []);

/**
 * Compiles a Segment AST with the one matcher, deciding as Segment's
 * `validate` does on every event (its failures included, when it reaches them).
 */
export function compileSegmentCondition(group: SegmentCondition): Test {
  const { operator, children } = group as SegmentGroup<unknown>;
  if (operator !== "and" && operator !== "or") return NEVER;
  if (!Array.isArray(children)) {
    // Fails when evaluated, as Segment's `children.every(...)` does.
    return () => (children as unknown[]).every(() => true);
  }
  return BUILD.join(operator, children.map(compileChild));
}

function compileChild(condition: unknown): Test {
  if (condition === undefined || condition === null) {
    return () => (condition as unknown as { type: boolean }).type;
  }
  const { type, operator, value } = condition as Record<string, unknown>;
  if (type === "group") {
    return compileSegmentCondition(condition as SegmentCondition);
  }
  if (typeof type !== "string") return NEVER;
  const field = Object.hasOwn(TOP_FIELDS, type) ? TOP_FIELDS[type] : undefined;
  const root = Object.hasOwn(PATH_ROOTS, type) ? PATH_ROOTS[type] : undefined;
  if (!field && !root) return NEVER;
  const path = field ? [field] : [root!, (condition as { name: string }).name];
  if (typeof operator === "string" && Object.hasOwn(COMPARISONS, operator)) {
    const [compared, convert] = COMPARISONS[operator];
    return BUILD.compare(path, compared, convert(value), SPAN);
  }
  const call = typeof operator === "string" &&
    /^(not_)?(contains|starts_with|ends_with)$/.exec(operator);
  if (call) {
    const name = call[2].replace(/_(\w)/, (_, letter) => letter.toUpperCase());
    return BUILD.call(name, path, String(value), call[1] !== undefined, SPAN);
  }
  // An operator Segment does not know: the value is read, nothing holds.
  return BUILD.compare(path, "<", NaN, SPAN);
}
