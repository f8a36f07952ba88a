import type { FqlMatcher } from "./compile_fql.ts";
import { matcherBuilder, NATIVE_MATCHING } from "./_matcher.ts";
import { parseQuery } from "./_parser.ts";

const NATIVE_MATCHER = matcherBuilder(NATIVE_MATCHING);

/**
 * Compiles a query string in one pass, building the matcher as it parses
 * (no AST): what `compileFql` does with a string, and all a browser bundle
 * needs. A syntax error names the column; `parseFql` also says what was
 * expected there.
 *
 * @throws {FqlSyntaxError} when the query cannot be parsed.
 *
 * @example
 * ```ts
 * import { compileFqlQuery } from "./compile_fql_query.ts";
 * import assert from "node:assert/strict";
 *
 * const matches = compileFqlQuery('type = "track"');
 * assert.equal(matches({ type: "track" }), true);
 * assert.equal(matches("track"), false);
 * ```
 */
export function compileFqlQuery(query: string): FqlMatcher {
  const test = parseQuery(query, NATIVE_MATCHER);
  return (event) => typeof event === "object" && event !== null && test(event);
}
