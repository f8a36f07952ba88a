import type { FqlDifference } from "./explain_fql_differences.ts";
import { isWordCode, type Token } from "./_lexer.ts";
import { isConjunction } from "./_parser.ts";

const FUNCTIONS = new Set(["contains", "match"]);

// Characters after which Segment's lexer ends a keyword or an operator.
function isTerminator(char: string | undefined): boolean {
  return char === undefined || char === " " || char === "\t" || char === "\n" ||
    char === "," ||
    char === "]" || char === ")";
}

function isFunctionAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  return token?.kind === "word" && FUNCTIONS.has(token.text) &&
    tokens[index + 1]?.kind === "(";
}

/** Differences visible in the tokens: spacing, letter case, quotes, parentheses, `!`. */
export function tokenDifferences(
  query: string,
  tokens: readonly Token[],
): FqlDifference[] {
  const found: FqlDifference[] = [];
  const note = (offset: number, message: string) =>
    found.push({ message, column: offset + 1 });

  const carriageReturn = query.indexOf("\r");
  if (carriageReturn !== -1) {
    note(
      carriageReturn,
      "Segment rejects a carriage return: the whole query fails there",
    );
  }

  // One entry per open parenthesis: a group's conjunctions, or "function" for contains(...).
  const levels: (Set<string> | "function")[] = [];
  const top = new Set<string>();
  let groups = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    const after = query[token.end];
    if (isConjunction(token) && previous?.kind !== ".") {
      const lower = token.text.toLowerCase();
      if (token.text !== lower) {
        note(
          token.start,
          `Segment ignores "${token.text}": only lowercase "and" and "or" are conjunctions there`,
        );
        continue;
      }
      if (!isTerminator(after)) {
        note(
          token.start,
          `Segment needs whitespace after "${lower}": it reads "${lower}${after}" as an identifier and ignores it`,
        );
      }
      const level = levels.findLast((entry) => entry !== "function") ?? top;
      if (level instanceof Set) {
        if (level.size > 0 && !level.has(lower)) {
          note(
            token.start,
            'Segment applies the last conjunction of a group to all its conditions, while "and" binds tighter than "or" here: add parentheses',
          );
        }
        level.add(lower);
      }
    } else if (token.kind === "(") {
      if (isFunctionAt(tokens, i - 1)) {
        if (groups > 0) {
          note(
            previous.start,
            `Segment ends a parenthesised group at the first ")", here the one closing ${previous.text}(...)`,
          );
        }
        levels.push("function");
      } else {
        if (groups > 0) {
          note(token.start, "Segment does not support nested parentheses");
        }
        groups++;
        levels.push(new Set());
      }
    } else if (token.kind === ")") {
      if (levels.pop() !== "function") groups--;
    } else if (token.kind === "!") {
      if (!isFunctionAt(tokens, i + 1)) {
        note(
          token.start,
          'Segment ignores "!" unless contains( or match( follows it directly',
        );
      } else if (tokens[i + 1].start !== token.end) {
        note(
          token.start,
          `Segment rejects whitespace between "!" and ${tokens[i + 1].text}(`,
        );
      }
    } else if (token.kind === "op") {
      const text = token.text;
      if (
        text !== "=" && text !== "!=" &&
        isWordCode(query.charCodeAt(token.start - 1))
      ) {
        note(
          token.start,
          `Segment needs whitespace before "${text}": the whole query fails there`,
        );
      }
      if (
        (text === "!=" || text === "<=" || text === ">=") &&
        !isTerminator(after)
      ) {
        note(
          token.start,
          `Segment needs whitespace after "${text}": it misreads the value that follows`,
        );
      }
    } else if (token.kind === "string") {
      if (query[token.start] === "'") {
        note(
          token.start,
          "Segment keeps the quotes of a single-quoted string as part of its value: use double quotes",
        );
      }
      if (!isTerminator(after)) {
        note(
          token.end - 1,
          "Segment needs whitespace or a comma or parenthesis after a closing quote: it reads the quote as opening another string",
        );
      }
      if (query.slice(token.start, token.end).includes("\\")) {
        note(
          token.start,
          "Segment reads a backslash in a string literally and ends the string at the next quote",
        );
      }
    }
  }
  return found;
}
