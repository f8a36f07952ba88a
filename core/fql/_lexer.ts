import { FqlSyntaxError } from "./fql_syntax_error.ts";

/** The longest query accepted, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 65_536;

/** One lexical token; `start` and `end` are 0-based offsets into the query. */
export interface Token {
  kind:
    | "word"
    | "segment"
    | "string"
    | "number"
    | "dot"
    | "comma"
    | "lparen"
    | "rparen"
    | "op"
    | "bang"
    | "eof";
  start: number;
  end: number;
  /** The word, segment or operator text; a string's decoded value. */
  text: string;
  /** A number token's value. */
  number: number;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether the character code may continue an identifier: a letter, digit, `_` or `-`. */
export function isWordCode(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95 || code === 45;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const ESCAPABLE = new Set(['"', "'", "\\"]);

/** Splits a query into tokens, ending with an `eof` token. */
export function tokenize(query: string): Token[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new FqlSyntaxError(
      query,
      MAX_QUERY_LENGTH + 1,
      `a query of at most ${MAX_QUERY_LENGTH} characters`,
      `${query.length} characters`,
    );
  }
  const tokens: Token[] = [];
  const length = query.length;
  let i = 0;
  function push(
    kind: Token["kind"],
    start: number,
    end: number,
    text: string,
    number = 0,
  ): void {
    tokens.push({ kind, start, end, text, number });
  }
  while (i < length) {
    const code = query.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    const start = i;
    const previous = tokens.length === 0
      ? undefined
      : tokens[tokens.length - 1];
    if (
      previous?.kind === "dot" && previous.end === start && isWordCode(code)
    ) {
      while (i < length && isWordCode(query.charCodeAt(i))) i++;
      push("segment", start, i, query.slice(start, i));
      continue;
    }
    if (isLetter(code) || code === 95) {
      while (i < length && isWordCode(query.charCodeAt(i))) i++;
      push("word", start, i, query.slice(start, i));
      continue;
    }
    const signed = (code === 45 || code === 43) &&
      isDigit(query.charCodeAt(i + 1));
    if (isDigit(code) || signed) {
      i++;
      while (i < length && isDigit(query.charCodeAt(i))) i++;
      if (query.charCodeAt(i) === 46) {
        if (!isDigit(query.charCodeAt(i + 1))) {
          throw new FqlSyntaxError(
            query,
            i + 2,
            "a digit after the decimal point",
          );
        }
        i++;
        while (i < length && isDigit(query.charCodeAt(i))) i++;
      }
      const text = query.slice(start, i);
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new FqlSyntaxError(
          query,
          start + 1,
          "a number of at most 308 digits",
        );
      }
      push("number", start, i, text, value);
      continue;
    }
    if (code === 34 || code === 39) {
      const quote = query[i];
      i++;
      let value = "";
      let chunk = i;
      while (true) {
        if (i >= length) {
          throw new FqlSyntaxError(
            query,
            length + 1,
            `${quote} to close the string opened at column ${start + 1}`,
          );
        }
        const char = query[i];
        if (char === quote) break;
        if (char === "\\") {
          const escaped = query[i + 1];
          if (!ESCAPABLE.has(escaped)) {
            throw new FqlSyntaxError(
              query,
              i + 2,
              `\\", \\' or \\\\ after a backslash`,
            );
          }
          value += query.slice(chunk, i) + escaped;
          i += 2;
          chunk = i;
          continue;
        }
        i++;
      }
      value += query.slice(chunk, i);
      i++;
      push("string", start, i, value);
      continue;
    }
    i++;
    switch (query[start]) {
      case ".":
        push("dot", start, i, ".");
        continue;
      case ",":
        push("comma", start, i, ",");
        continue;
      case "(":
        push("lparen", start, i, "(");
        continue;
      case ")":
        push("rparen", start, i, ")");
        continue;
      case "=":
        push("op", start, i, "=");
        continue;
      case "!":
        if (query[i] === "=") {
          i++;
          push("op", start, i, "!=");
        } else {
          push("bang", start, i, "!");
        }
        continue;
      case "<":
      case ">":
        if (query[i] === "=") i++;
        push("op", start, i, query.slice(start, i));
        continue;
    }
    throw new FqlSyntaxError(
      query,
      start + 1,
      "a condition, an operator, a value, a parenthesis or whitespace",
      `unexpected character ${
        JSON.stringify(String.fromCodePoint(query.codePointAt(start)!))
      }`,
    );
  }
  push("eof", length, length, "");
  return tokens;
}
