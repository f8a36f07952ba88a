// The one tokenizer of the subscription language. The scanning loop, the token
// shape and the limits are shared; what differs between dialects (destkit's
// grammar, Segment's lexer) is passed in as a `LexDialect`.

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
    | "lbracket"
    | "rbracket"
    | "op"
    | "bang"
    | "and"
    | "or"
    | "null"
    | "eof";
  start: number;
  end: number;
  /** The word, segment or operator text; a string's value. */
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
  /** Scanners tried in order at each token start. */
  scanners: readonly Scan[];
}

/** Lexical failure codes, described in `_expected.ts`. */
export const LEX_LENGTH = 0;
export const LEX_DECIMAL = 1;
export const LEX_NUMBER = 2;
export const LEX_STRING = 3;
export const LEX_ESCAPE = 4;
export const LEX_CHARACTER = 5;

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
    fail(MAX_QUERY_LENGTH + 1, LEX_LENGTH, String(query.length));
  }
  const cursor: Cursor = { query, at: 0, tokens: [], fail };
  while ((cursor.at = skip(query, dialect.space, cursor.at)) < query.length) {
    let found: Token | undefined;
    for (const scan of dialect.scanners) {
      if ((found = scan(cursor))) break;
    }
    if (!found) {
      const char = String.fromCodePoint(query.codePointAt(cursor.at)!);
      fail(cursor.at + 1, LEX_CHARACTER, char);
    }
    cursor.tokens.push(found);
    cursor.at = found.end;
  }
  cursor.tokens.push(token("eof", query.length, query.length, ""));
  return cursor.tokens;
}

// A word, or a path segment right after a dot (which may start with a digit or "-").
function scanWord({ query, at, tokens }: Cursor): Token | undefined {
  const previous = tokens[tokens.length - 1];
  const segment = previous?.kind === "dot" && previous.end === at;
  if (!/[A-Za-z_]/.test(query[at]) && !(segment && WORD_CHAR.test(query[at]))) {
    return;
  }
  const end = skip(query, WORD, at);
  return token(segment ? "segment" : "word", at, end, query.slice(at, end));
}

function scanNumber({ query, at, fail }: Cursor): Token | undefined {
  if (!/^[-+]?\d/.test(query.slice(at, at + 2))) return;
  let end = skip(query, DIGITS, at + 1);
  if (query[end] === ".") {
    if (!/\d/.test(query[end + 1] ?? "")) fail(end + 2, LEX_DECIMAL);
    end = skip(query, DIGITS, end + 1);
  }
  const text = query.slice(at, end);
  const value = Number(text);
  if (!isFinite(value)) fail(at + 1, LEX_NUMBER);
  return token("number", at, end, text, value);
}

// A single- or double-quoted string; a backslash escapes either quote or itself.
function scanString({ query, at, fail }: Cursor): Token | undefined {
  const quote = query[at];
  if (quote !== '"' && quote !== "'") return;
  let value = "";
  let i = at;
  while (query[++i] !== quote) {
    if (i >= query.length) fail(i + 1, LEX_STRING, quote + (at + 1));
    if (query[i] === "\\" && !/["'\\]/.test(query[++i] ?? "")) {
      fail(i + 1, LEX_ESCAPE);
    }
    value += query[i];
  }
  return token("string", at, i + 1, value);
}

const SYMBOLS: Record<string, Token["kind"]> = {
  ".": "dot",
  ",": "comma",
  "(": "lparen",
  ")": "rparen",
  "=": "op",
};

function scanSymbol({ query, at }: Cursor): Token | undefined {
  const char = query[at];
  if (/[!<>]/.test(char)) {
    const end = query[at + 1] === "=" ? at + 2 : at + 1;
    const text = query.slice(at, end);
    return token(text === "!" ? "bang" : "op", at, end, text);
  }
  const kind = SYMBOLS[char];
  return kind ? token(kind, at, at + 1, char) : undefined;
}

/** destkit's own lexical rules (see the grammar in README.md). */
export const NATIVE_LEXICON: LexDialect = {
  space: /[ \t\n\r]*/y,
  scanners: [scanWord, scanNumber, scanString, scanSymbol],
};
