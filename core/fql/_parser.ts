// The one parser of destkit's subscription grammar. What it builds is a
// parameter: the AST (parseFql), a matcher directly (compileFql), or nodes
// with positions (explainFqlDifferences); so is how much an error explains.
import type { FqlOperator, FqlValue } from "./ast.ts";
import { FqlSyntaxError } from "./fql_syntax_error.ts";
import { type Fail, type Token, tokenize } from "./_lexer.ts";

/** The deepest nesting of parentheses and `!` accepted. */
export const MAX_DEPTH = 64;

/** Where the parts of a condition sit in the query (0-based offsets). */
export interface NodeSpan {
  /** The condition's first token (its `!`, function name or first path segment). */
  start: number;
  /** A comparison's operator, or a function call's path. */
  middle: number;
  /** A comparison's value, or a function call's argument. */
  end: number;
}

/** What the parser makes of each construct. */
export interface FqlBuilder<T> {
  compare(
    path: string[],
    operator: FqlOperator,
    value: FqlValue,
    span: NodeSpan,
  ): T;
  call(
    name: string,
    path: string[],
    argument: string,
    negated: boolean,
    span: NodeSpan,
  ): T;
  not(operand: T, start: number): T;
  join(kind: "and" | "or", children: T[]): T;
}

/**
 * Turns a failure code and its detail into what was expected and what was
 * found (see `_expected.ts`); without it, errors only say "valid syntax".
 */
export type Explain = (
  code: number,
  detail: string | undefined,
  found: Token | undefined,
) => [expected: string, found?: string];

/** Parse failures are codes 6 to 19, described in `_expected.ts` (after the lexer's). */

/** Whether the token is the conjunction `and`/`or`, in any letter case. */
export function isConjunction(token: Token, which?: "and" | "or"): boolean {
  const lower = token.kind === "word" && token.text.toLowerCase();
  return which ? lower === which : lower === "and" || lower === "or";
}

/** Makes the failure function of one query; `explain` details the message. */
export function failure(query: string, explain?: Explain): Fail {
  return (column, code, detail, found) => {
    const [expected, seen] = explain?.(code, detail, found) ??
      ["valid syntax"];
    throw new FqlSyntaxError(query, column, expected, seen);
  };
}

/** Parses a query with `build`; `tokens` may be passed when already read. */
export function parseQuery<T>(
  query: string,
  build: FqlBuilder<T>,
  explain?: Explain,
  tokens?: Token[],
): T {
  const fail = failure(query, explain);
  const list = tokens ?? tokenize(query, fail);
  let index = 0;
  const peek = (offset = 0): Token => list[index + offset];
  const expect = (code: number, detail?: string): never =>
    fail(peek().start + 1, code, detail, peek());
  const isFunction = (): boolean =>
    /^(contains|match)$/.test(peek().text) && peek().kind === "word" &&
    peek(1).kind === "(";

  // "and" binds tighter than "or".
  function parseJoined(depth: number, kind: "and" | "or"): T {
    const parse = () =>
      kind === "or" ? parseJoined(depth, "and") : parseUnary(depth);
    const children = [parse()];
    while (isConjunction(peek(), kind)) {
      index++;
      children.push(parse());
    }
    return children.length === 1 ? children[0] : build.join(kind, children);
  }

  function parseUnary(depth: number): T {
    const token = peek();
    if (/[!(]/.test(token.kind) && depth >= MAX_DEPTH) {
      expect(6 /* depth */);
    }
    if (token.kind === "!") {
      index++;
      return isFunction()
        ? parseFunction(token.start, true)
        : build.not(parseUnary(depth + 1), token.start);
    }
    if (token.kind === "(") {
      index++;
      const inner = parseJoined(depth + 1, "or");
      if (peek().kind !== ")") {
        expect(7, /* close group */ String(token.start + 1));
      }
      index++;
      return inner;
    }
    if (token.kind === "word" && peek(1).kind === "(") {
      if (!isFunction()) expect(8 /* function */);
      return parseFunction(token.start, false);
    }
    if (
      token.kind === "string" ||
      (token.kind === "word" && !isConjunction(token))
    ) {
      return parseComparison();
    }
    return expect(9 /* condition */);
  }

  // Segments are words or strings, joined by dots.
  function parsePath(): string[] {
    const path: string[] = [];
    do {
      if (!/word|string/.test(peek().kind)) expect(10 /* segment */);
      path.push(peek().text);
      index++;
    } while (peek().kind === "." && ++index);
    return path;
  }

  function parseComparison(): T {
    const start = peek().start;
    const path = parsePath();
    const operator = peek();
    if (operator.kind !== "op") expect(11, /* operator */ path.join("."));
    index++;
    const valueToken = peek();
    const { kind, text } = valueToken;
    const value = kind === "string"
      ? text
      : kind === "number"
      ? valueToken.number
      : kind === "word" && /^(true|false|null)$/.test(text)
      ? JSON.parse(text) as boolean | null
      : expect(12, /* value */ operator.text);
    if (
      /[<>]/.test(operator.text) && typeof value !== "string" &&
      typeof value !== "number"
    ) {
      expect(13, /* order value */ operator.text);
    }
    index++;
    return build.compare(path, operator.text as FqlOperator, value, {
      start,
      middle: operator.start,
      end: valueToken.start,
    });
  }

  function parseFunction(start: number, negated: boolean): T {
    const name = peek().text as "contains" | "match";
    index += 2;
    const middle = peek().start;
    if (!/word|string/.test(peek().kind)) expect(14, /* first argument */ name);
    const path = parsePath();
    if (peek().kind !== ",") expect(15, /* comma */ name);
    index++;
    const argument = peek();
    if (argument.kind !== "string") expect(16, /* second argument */ name);
    index++;
    if (peek().kind !== ")") expect(17, /* close call */ name);
    index++;
    return build.call(name, path, argument.text, negated, {
      start,
      middle,
      end: argument.start,
    });
  }

  const root = parseJoined(0, "or");
  if (peek().kind !== "eof") {
    expect(peek().kind === ")" ? 18 /* open group */ : 19 /* end */);
  }
  return root;
}
