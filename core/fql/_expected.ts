// What each failure code of the lexer and parser expected, in words. Kept
// apart so that browser bundles, which only need the column, leave it out.
import { MAX_QUERY_LENGTH, type Token } from "./_lexer.ts";
import { type Explain, MAX_DEPTH } from "./_parser.ts";

const CONDITION =
  'a condition (a field path, contains(...), match(...), "!" or "(")';

// Indexed by failure code; `$` stands for the detail.
const EXPECTED = [
  `a query of at most ${MAX_QUERY_LENGTH} characters`,
  "a digit after the decimal point",
  "a number of at most 308 digits",
  "$ to close the string opened at column %",
  `\\", \\' or \\\\ after a backslash`,
  "a condition, an operator, a value, a parenthesis or whitespace",
  `at most ${MAX_DEPTH} nested parentheses or negations`,
  '"and", "or" or ")" to close the "(" at column $',
  'a known function ("contains" or "match")',
  CONDITION,
  'a path segment after "."',
  "an operator (=, !=, <, <=, >, >=) after $",
  'a value (a "string", a number, true, false or null) after "$"',
  'a number or a string after "$"',
  "a field path as the first argument of $()",
  '"," after the first argument of $()',
  'a "string" as the second argument of $()',
  '")" to close $(',
  'a "(" before this ")"',
  '"and", "or" or the end of the query',
];

function describe(token: Token): string {
  if (token.kind === "eof") return "the end of the query";
  if (token.kind === "string") {
    return `the string ${JSON.stringify(token.text)}`;
  }
  return JSON.stringify(token.text);
}

/** Describes a lexer or parser failure in words. */
export const explainFailure: Explain = (code, detail = "", found) => {
  let expected = EXPECTED[code];
  if (code === 3) {
    // The detail is the quote followed by the column where the string opened.
    expected = expected.replace("%", () => detail.slice(1));
    detail = detail[0];
  }
  if (code === 11) detail = JSON.stringify(detail);
  expected = expected.replace("$", () => detail);
  if (code === 0) return [expected, `${detail} characters`];
  if (code === 5) {
    const char = String.fromCodePoint(detail.codePointAt(0)!);
    return [expected, `unexpected character ${JSON.stringify(char)}`];
  }
  return [expected, found && describe(found)];
};
