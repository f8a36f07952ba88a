// Segment's lexical rules (@segment/fql-ts 1.10.1, as destination-subscriptions
// 3.37.0 uses it) as a dialect of the one tokenizer: keywords and operators
// that need a terminator after them, backslash escapes in identifiers, strings
// that keep their quotes, and the way its lexer backs up (or, at the end of
// the query, does not).
import { type Cursor, type LexDialect, type Token, token } from "./_lexer.ts";

// Segment's helpers compare characters with this marker at the end of the query.
const END = "-1";
// Segment gives up on a string, number or identifier this long.
const TOO_LONG = 100_000;

function isAlpha(char: string): boolean {
  return /^[a-z]$/i.test(char);
}

function isDigit(char: string): boolean {
  return /^[0-9]$/.test(char);
}

function isTerminator(char: string): boolean {
  return char === END || /^[ \t\n,\])]$/.test(char);
}

function isIdent(char: string): boolean {
  return char !== END && (isAlpha(char) || /^[0-9_\-\\]$/.test(char));
}

function scanSegment(cursor: Cursor): Token | undefined {
  const { query, at } = cursor;
  let position = at + 1;
  const fail = (): never => cursor.fail(position, 5, /* character */ query[at]);
  const peek = (): string => position < query.length ? query[position] : END;
  const next = (): string => position < query.length ? query[position++] : END;
  // Reads `text` when a terminator follows it; otherwise backs up, except at
  // the end of the query, where what was read stays read (as in Segment).
  const accept = (text: string): boolean => {
    let read = "";
    for (let i = 0; i < text.length; i++) {
      if (position >= query.length) return false;
      const char = query[position++];
      read += char;
      if (isTerminator(char)) break;
    }
    if (read === text && isTerminator(peek())) return true;
    position -= read.length;
    return false;
  };
  const make = (kind: Token["kind"], text: string, value = 0): Token =>
    token(kind, at, position, text, value);

  function identifier(first: string): Token {
    let text = "";
    let char = first;
    while (true) {
      if (char === "\\") {
        if (peek() === END) fail();
        char = next();
      }
      text += char;
      if (text.length >= TOO_LONG) fail();
      if (!isIdent(peek())) break;
      char = next();
    }
    const coming = peek();
    if (!isTerminator(coming) && !".(=!".includes(coming)) fail();
    return make("word", text);
  }

  const char = query[at];
  if (char === "!" && (isAlpha(peek()) || peek() === "(")) {
    return make("!", "!");
  }
  if (isAlpha(char) || "!=<>\\_".includes(char)) {
    switch (char) {
      case "=":
        return make("op", "=");
      case "!":
        return accept("=") ? make("op", "!=") : fail();
      case "<":
      case ">":
        return make("op", accept("=") ? char + "=" : char);
      case "a":
        return accept("nd") ? make("and", "and") : identifier(char);
      case "o":
        return accept("r") ? make("or", "or") : identifier(char);
      case "n":
        return accept("ull") ? make("null", "null") : identifier(char);
    }
    return identifier(char);
  }
  if (isDigit(char) || char === "-" || char === "+") {
    let text = char;
    let decimal = false;
    for (
      let coming = peek();
      isDigit(coming) || coming === ".";
      coming = peek()
    ) {
      text += next();
      if (coming === ".") {
        if (isTerminator(peek()) || decimal) fail();
        decimal = true;
      }
      if (text.length > TOO_LONG) fail();
    }
    return make("number", text, Number(text));
  }
  if (char === '"' || char === "'") {
    let text = "";
    while (peek() !== char) {
      if (position >= query.length) fail();
      text += next();
      if (text.length >= TOO_LONG) fail();
    }
    // The closing quote is read only when a terminator follows it; otherwise
    // it opens the next string.
    accept(char);
    return make("string", char + text + char);
  }
  if (".[],()".includes(char)) return make(char as Token["kind"], char);
}

/** Segment's lexical rules: no length limit, and no carriage return as whitespace. */
export const SEGMENT_LEXICON: LexDialect = {
  space: /[ \t\n]*/y,
  maxLength: Infinity,
  scan: scanSegment,
};
