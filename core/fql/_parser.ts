import type {
  FqlComparison,
  FqlFunctionCall,
  FqlNode,
  FqlOperator,
  FqlValue,
} from "./ast.ts";
import { FqlSyntaxError } from "./fql_syntax_error.ts";
import { type Token, tokenize } from "./_lexer.ts";

/** The deepest nesting of parentheses and `!` accepted. */
export const MAX_DEPTH = 64;

/** Where the parts of a node sit in the query (0-based offsets). */
export interface NodeSpan {
  /** The node's first token (its `!`, function name or first path segment). */
  start: number;
  /** A comparison's operator, or a function call's path. */
  middle: number;
  /** A comparison's value, or a function call's argument. */
  end: number;
  /** The quote character of the value or argument, when it is a string. */
  quote?: string;
  /** Offsets of path segments that were written as quoted strings. */
  quotedSegments: number[];
}

const FUNCTIONS = new Set(["contains", "match"]);
const ORDERING = new Set(["<", "<=", ">", ">="]);

function describe(token: Token): string {
  if (token.kind === "eof") return "the end of the query";
  if (token.kind === "string") {
    return `the string ${JSON.stringify(token.text)}`;
  }
  return JSON.stringify(token.text);
}

/** Whether the token is the conjunction `and`/`or`, in any letter case. */
export function isConjunction(token: Token, which?: "and" | "or"): boolean {
  if (token.kind !== "word") return false;
  const lower = token.text.toLowerCase();
  return which === undefined
    ? lower === "and" || lower === "or"
    : lower === which;
}

/** Parses a query into an AST, recording node positions in `spans` when given. */
export function parseQuery(
  query: string,
  spans?: Map<FqlNode, NodeSpan>,
): FqlNode {
  const tokens = tokenize(query);
  let index = 0;

  function peek(): Token {
    return tokens[index];
  }
  function fail(expected: string, token: Token = tokens[index]): never {
    throw new FqlSyntaxError(query, token.start + 1, expected, describe(token));
  }

  function parseOr(depth: number): FqlNode {
    const first = parseAnd(depth);
    if (!isConjunction(peek(), "or")) return first;
    const children = [first];
    while (isConjunction(peek(), "or")) {
      index++;
      children.push(parseAnd(depth));
    }
    return { kind: "or", children };
  }

  function parseAnd(depth: number): FqlNode {
    const first = parseUnary(depth);
    if (!isConjunction(peek(), "and")) return first;
    const children = [first];
    while (isConjunction(peek(), "and")) {
      index++;
      children.push(parseUnary(depth));
    }
    return { kind: "and", children };
  }

  function parseUnary(depth: number): FqlNode {
    const token = peek();
    if (token.kind === "bang" || token.kind === "lparen") {
      if (depth >= MAX_DEPTH) {
        fail(`at most ${MAX_DEPTH} nested parentheses or negations`);
      }
    }
    if (token.kind === "bang") {
      index++;
      const next = peek();
      if (
        next.kind === "word" && FUNCTIONS.has(next.text) &&
        tokens[index + 1].kind === "lparen"
      ) {
        return parseFunction(token.start, true);
      }
      const operand = parseUnary(depth + 1);
      const node: FqlNode = { kind: "not", operand };
      spans?.set(node, {
        start: token.start,
        middle: token.start,
        end: token.start,
        quotedSegments: [],
      });
      return node;
    }
    if (token.kind === "lparen") {
      index++;
      const inner = parseOr(depth + 1);
      if (peek().kind !== "rparen") {
        fail(
          `"and", "or" or ")" to close the "(" at column ${token.start + 1}`,
        );
      }
      index++;
      return inner;
    }
    if (token.kind === "word" && tokens[index + 1].kind === "lparen") {
      if (!FUNCTIONS.has(token.text)) {
        fail('a known function ("contains" or "match")');
      }
      return parseFunction(token.start, false);
    }
    if (
      (token.kind === "word" && !isConjunction(token)) ||
      token.kind === "string"
    ) {
      return parseComparison();
    }
    return fail(
      'a condition (a field path, contains(...), match(...), "!" or "(")',
    );
  }

  function parsePath(quotedSegments: number[]): string[] {
    const path: string[] = [];
    let token = peek();
    while (true) {
      if (token.kind === "string") quotedSegments.push(token.start);
      path.push(token.text);
      index++;
      if (peek().kind !== "dot") return path;
      index++;
      token = peek();
      if (
        token.kind !== "word" && token.kind !== "segment" &&
        token.kind !== "string"
      ) {
        fail('a path segment after "."');
      }
    }
  }

  function parseComparison(): FqlComparison {
    const start = peek().start;
    const quotedSegments: number[] = [];
    const path = parsePath(quotedSegments);
    const operatorToken = peek();
    if (operatorToken.kind !== "op") {
      fail(
        `an operator (=, !=, <, <=, >, >=) after ${
          JSON.stringify(path.join("."))
        }`,
      );
    }
    index++;
    const operator = operatorToken.text as FqlOperator;
    const valueToken = peek();
    let value: FqlValue;
    if (valueToken.kind === "string") value = valueToken.text;
    else if (valueToken.kind === "number") value = valueToken.number;
    else if (valueToken.kind === "word" && valueToken.text === "true") {
      value = true;
    } else if (valueToken.kind === "word" && valueToken.text === "false") {
      value = false;
    } else if (valueToken.kind === "word" && valueToken.text === "null") {
      value = null;
    } else {
      fail(
        `a value (a "string", a number, true, false or null) after "${operator}"`,
      );
    }
    if (
      ORDERING.has(operator) && typeof value !== "string" &&
      typeof value !== "number"
    ) {
      fail(`a number or a string after "${operator}"`);
    }
    index++;
    const node: FqlComparison = { kind: "comparison", path, operator, value };
    spans?.set(node, {
      start,
      middle: operatorToken.start,
      end: valueToken.start,
      quote: valueToken.kind === "string" ? query[valueToken.start] : undefined,
      quotedSegments,
    });
    return node;
  }

  function parseFunction(start: number, negated: boolean): FqlFunctionCall {
    const name = peek().text as FqlFunctionCall["name"];
    index += 2;
    const pathToken = peek();
    if (pathToken.kind !== "word" && pathToken.kind !== "string") {
      fail(`a field path as the first argument of ${name}()`);
    }
    const quotedSegments: number[] = [];
    const path = parsePath(quotedSegments);
    if (peek().kind !== "comma") {
      fail(`"," after the first argument of ${name}()`);
    }
    index++;
    const argument = peek();
    if (argument.kind !== "string") {
      fail(`a "string" as the second argument of ${name}()`);
    }
    index++;
    if (peek().kind !== "rparen") fail(`")" to close ${name}(`);
    index++;
    const node: FqlFunctionCall = {
      kind: "function",
      name,
      path,
      argument: argument.text,
      negated,
    };
    spans?.set(node, {
      start,
      middle: pathToken.start,
      end: argument.start,
      quote: query[argument.start],
      quotedSegments,
    });
    return node;
  }

  const root = parseOr(0);
  if (peek().kind !== "eof") {
    fail(
      peek().kind === "rparen"
        ? 'a "(" before this ")"'
        : '"and", "or" or the end of the query',
    );
  }
  return root;
}
