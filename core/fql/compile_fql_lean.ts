import type { FqlMatcher } from "./compile_fql.ts";
import { FqlSyntaxError } from "./fql_syntax_error.ts";
import { matchGlob } from "./_glob.ts";
import { MAX_QUERY_LENGTH } from "./_lexer.ts";
import { MAX_DEPTH } from "./_parser.ts";
import { compileStep, type Step } from "./_resolve_path.ts";

type Test = (event: object) => boolean;

// A token: its kind ("w" word or segment, "s" string, "n" number, "o" operator,
// "" end, or the punctuation itself), its offsets, its text or value.
type Token = [kind: string, start: number, value: string | number, end: number];

const WORD = /[\w-]*/y;
const DIGITS = /\d*/y;
const SPACE = /[ \t\n\r]*/y;

// Ordering (and number or boolean `!=`) holds only for a value of the same type.
const ORDER: Record<string, (a: never, b: never) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "!=": (a, b) => a !== b,
};

const step = (value: unknown, next: Step): unknown => next(value);

/**
 * Compiles a query string once into a matcher, as `compileFql` does, with less
 * code for browser bundles: the same decisions on every query and event, and a
 * syntax error at the same column, whose `expected` is only "valid syntax".
 *
 * @throws {FqlSyntaxError} when the query cannot be parsed.
 */
export function compileFqlLean(query: string): FqlMatcher {
  const fail = (column: number): never => {
    throw new FqlSyntaxError(query, column, "valid syntax");
  };
  if (query.length > MAX_QUERY_LENGTH) {
    fail(MAX_QUERY_LENGTH + 1);
  }
  const tokens = tokenize(query, fail);
  let index = 0;
  const peek = (): Token => tokens[index];
  const kind = (): string => peek()[0];
  const expect = (): never => fail(peek()[1] + 1);
  // Whether the current token is the conjunction `which` (any letter case).
  const isWord = (which: string): boolean =>
    kind() === "w" && (peek()[2] as string).toLowerCase() === which;

  // `which` is "or" or "and"; "and" binds tighter.
  function parseJoined(depth: number, which: string): Test {
    const parse = () =>
      which === "or" ? parseJoined(depth, "and") : parseUnary(depth);
    const children = [parse()];
    while (isWord(which)) {
      index++;
      children.push(parse());
    }
    const every = which === "and";
    return children.length === 1 ? children[0] : (event) => {
      for (let i = 0; i < children.length; i++) {
        if (children[i](event) !== every) return !every;
      }
      return every;
    };
  }

  function parseUnary(depth: number): Test {
    const type = kind();
    if ((type === "!" || type === "(") && depth >= MAX_DEPTH) {
      expect();
    }
    if (type === "!") {
      index++;
      if (isFunction()) return parseFunction(true);
      const operand = parseUnary(depth + 1);
      return (event) => !operand(event);
    }
    if (type === "(") {
      index++;
      const inner = parseJoined(depth + 1, "or");
      if (kind() !== ")") expect();
      index++;
      return inner;
    }
    if (type === "w" && tokens[index + 1][0] === "(") {
      if (!isFunction()) expect();
      return parseFunction(false);
    }
    if (type === "s" || (type === "w" && !isWord("and") && !isWord("or"))) {
      return parseComparison();
    }
    return expect();
  }

  function isFunction(): boolean {
    const [type, , text] = peek();
    return type === "w" && (text === "contains" || text === "match") &&
      tokens[index + 1][0] === "(";
  }

  // Segments are words or strings, joined by dots.
  function parsePath(): (event: object) => unknown {
    const steps: Step[] = [];
    do {
      if (kind() !== "w" && kind() !== "s") expect();
      steps.push(compileStep(peek()[2] as string));
    } while (tokens[++index][0] === "." && ++index);
    return (event) => steps.reduce(step, event as unknown);
  }

  function parseComparison(): Test {
    const read = parsePath();
    const [type, , operator] = peek();
    if (type !== "o") expect();
    index++;
    const [valueType, , raw] = peek();
    const value = valueType === "s" || valueType === "n"
      ? raw
      : /^(true|false|null)$/.test(raw as string)
      ? JSON.parse(raw as string) as boolean | null
      : undefined;
    if (
      value === undefined ||
      (operator !== "=" && operator !== "!=" && typeof value !== "string" &&
        typeof value !== "number")
    ) {
      expect();
    }
    index++;
    let test: (actual: unknown) => boolean;
    if (value === null) {
      test = operator === "=" ? (a) => a == null : (a) => a != null;
    } else if (operator === "=") {
      test = (a) => a === value;
    } else if (operator === "!=" && valueType === "s") {
      test = (a) => a !== value;
    } else {
      const type = typeof value;
      const order = ORDER[operator];
      test = (a) => typeof a === type && order(a as never, value as never);
    }
    return (event) => test(read(event));
  }

  function parseFunction(negated: boolean): Test {
    const name = peek()[2];
    index += 2;
    const read = parsePath();
    if (kind() !== ",") expect();
    index++;
    const [type, , argument] = peek();
    if (type !== "s") expect();
    index++;
    if (kind() !== ")") expect();
    index++;
    // Bundles skip compileGlob's shortcuts: matchGlob alone decides the same.
    const test = name === "match"
      ? matchGlob
      : (pattern: string, text: string) => text.includes(pattern);
    return (event) => {
      const actual = read(event);
      return typeof actual === "string" &&
        test(argument as string, actual) !== negated;
    };
  }

  const root = parseJoined(0, "or");
  if (kind() !== "") expect();
  return (event) => typeof event === "object" && event !== null && root(event);
}

// Splits a query into tokens, ending with an end token; lexical errors come
// first, wherever they are, as in `parseFql`.
function tokenize(
  query: string,
  fail: (column: number) => never,
): Token[] {
  const tokens: Token[] = [];
  const skip = (pattern: RegExp, from: number): number => {
    pattern.lastIndex = from;
    pattern.test(query);
    return pattern.lastIndex;
  };
  let i = 0;
  while ((i = skip(SPACE, i)) < query.length) {
    const start = i;
    const char = query[i];
    const previous = tokens[tokens.length - 1];
    let type = char;
    let value: string | number = char;
    if (
      /[\w-]/.test(char) &&
      (/[A-Za-z_]/.test(char) || previous?.[0] === "." && previous[3] === i)
    ) {
      i = skip(WORD, i);
      type = "w";
      value = query.slice(start, i);
    } else if (/^[-+]?\d/.test(query.slice(i, i + 2))) {
      i = skip(DIGITS, i + 1);
      if (query[i] === ".") {
        if (!/\d/.test(query[i + 1] ?? "")) fail(i + 2);
        i = skip(DIGITS, i + 1);
      }
      type = "n";
      value = Number(query.slice(start, i));
      if (!isFinite(value)) fail(start + 1);
    } else if (char === '"' || char === "'") {
      type = "s";
      value = "";
      while (query[++i] !== char) {
        if (i >= query.length) fail(i + 1);
        if (query[i] === "\\") {
          if (!/["'\\]/.test(query[++i] ?? "")) fail(i + 1);
        }
        value += query[i];
      }
      i++;
    } else if (/[!<>]/.test(char)) {
      if (query[++i] === "=") i++;
      value = query.slice(start, i);
      if (value !== "!") type = "o";
    } else if (/[.,()=]/.test(char)) {
      if (char === "=") type = "o";
      i++;
    } else {
      fail(i + 1);
    }
    tokens.push([type, start, value, i]);
  }
  tokens.push(["", i, "", i]);
  return tokens;
}
