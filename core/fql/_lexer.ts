// The one tokenizer of the subscription language. The scanning loop, the token
// shape and the limits are shared; what differs between dialects (destkit's
// grammar, Segment's lexer) is passed in as a `LexDialect`.

/** The longest query accepted, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 65_536;

/** One lexical token; `start` and `end` are 0-based offsets into the query. */
export interface Token {
  kind:
    | "word"
    | "string"
    | "number"
    | "."
    | ","
    | "("
    | ")"
    | "["
    | "]"
    | "op"
    | "!"
    | "and"
    | "or"
    | "null"
    | "eof";
  start: number;
  end: number;
  /** The word (or path segment) or operator text; a string's value. */
  text: string;
  /** A number token's value. */
  number: number;
}

/** Why the query cannot be read: a message code (see `_expected.ts`) and its detail. */
export type Fail = (
  column: number,
  code: number,
  detail?: string,
  found?: Token,
) => never;

/** The scanner state a dialect's scanning functions read and advance. */
export interface Cursor {
  readonly query: string;
  /** The next offset to read. */
  at: number;
  readonly tokens: Token[];
  readonly fail: Fail;
}

/** Reads one token starting at `cursor.at`, or returns `undefined` when it does not apply. */
export type Scan = (cursor: Cursor) => Token | undefined;

/** The lexical rules of one dialect. */
export interface LexDialect {
  /** Whitespace between tokens (a sticky regular expression). */
  space: RegExp;
  /** The longest query read, in UTF-16 code units. @default {MAX_QUERY_LENGTH} */
  maxLength?: number;
  /** Reads the token at each token start, or returns `undefined` for a character it does not know. */
  scan: Scan;
}

/** Lexical failures are codes 0 to 5, described in `_expected.ts`. */

/** Makes a token. */
export function token(
  kind: Token["kind"],
  start: number,
  end: number,
  text: string,
  number = 0,
): Token {
  return { kind, start, end, text, number };
}

/** Advances past a sticky pattern from `from`; returns the new offset. */
export function skip(query: string, pattern: RegExp, from: number): number {
  pattern.lastIndex = from;
  pattern.test(query);
  return pattern.lastIndex;
}

/** Whether the character code may continue an identifier: a letter, digit, `_` or `-`. */
export function isWordCode(code: number): boolean {
  return WORD_CHAR.test(String.fromCharCode(code));
}

const WORD_CHAR = /[\w-]/;
const WORD = /[\w-]*/y;
const DIGITS = /\d*/y;

/** Splits a query into tokens, ending with an `eof` token. */
export function tokenize(
  query: string,
  fail: Fail,
  dialect: LexDialect = NATIVE_LEXICON,
): Token[] {
  if (query.length > MAX_QUERY_LENGTH) {
    fail(MAX_QUERY_LENGTH + 1, 0, /* length */ String(query.length));
  }
  const cursor: Cursor = { query, at: 0, tokens: [], fail };
  while ((cursor.at = skip(query, dialect.space, cursor.at)) < query.length) {
    const found = dialect.scan(cursor);
    // The detail is the next two code units: _expected.ts shows one code point.
    if (!found) {
      fail(cursor.at + 1, 5, /* character */ query.substr(cursor.at, 2));
    }
    cursor.tokens.push(found);
    cursor.at = found.end;
  }
  cursor.tokens.push(token("eof", query.length, query.length, ""));
  return cursor.tokens;
}

// One token of destkit's grammar: a word (or a path segment right after a
// dot, which may start with a digit or "-"), a number, a quoted string (a
// backslash escapes either quote or itself), an operator or punctuation.
function scanNative({ query, at, tokens, fail }: Cursor): Token | undefined {
  const char = query[at];
  const previous = tokens[tokens.length - 1];
  const segment = previous?.kind === "." && previous.end === at;
  let end = at + 1;
  if (/[A-Za-z_]/.test(char) || (segment && WORD_CHAR.test(char))) {
    end = skip(query, WORD, at);
    return token("word", at, end, query.slice(at, end));
  }
  if (/^[-+]?\d/.test(query.slice(at, at + 2))) {
    end = skip(query, DIGITS, end);
    if (query[end] === ".") {
      if (!/\d/.test(query[end + 1] ?? "")) fail(end + 2, 1 /* decimal */);
      end = skip(query, DIGITS, end + 1);
    }
    const text = query.slice(at, end);
    const value = Number(text);
    if (!isFinite(value)) fail(at + 1, 2 /* number */);
    return token("number", at, end, text, value);
  }
  if (char === '"' || char === "'") {
    let value = "";
    while (query[end] !== char) {
      if (end >= query.length) fail(end + 1, 3, /* string */ char + (at + 1));
      if (query[end] === "\\" && !/["'\\]/.test(query[++end] ?? "")) {
        fail(end + 1, 4 /* escape */);
      }
      value += query[end++];
    }
    return token("string", at, end + 1, value);
  }
  if (/[!<>]/.test(char)) {
    if (query[end] === "=") end++;
    const text = query.slice(at, end);
    return token(text === "!" ? "!" : "op", at, end, text);
  }
  if (/[.,()=]/.test(char)) {
    return token(char === "=" ? "op" : char as Token["kind"], at, end, char);
  }
}

/** destkit's own lexical rules (see the grammar in README.md). */
export const NATIVE_LEXICON: LexDialect = {
  space: /[ \t\n\r]*/y,
  scan: scanNative,
};
