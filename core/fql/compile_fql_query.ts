import type { FqlMatcher } from "./compile_fql.ts";
import { matcherBuilder, NATIVE_MATCHING } from "./_matcher.ts";
import { parseQuery } from "./_parser.ts";

const NATIVE_MATCHER = matcherBuilder(NATIVE_MATCHING);

/**
 * Compiles a query string as `compileFql` does, for browser bundles: the same
 * parser and matcher, without the descriptions of what an error expected
 * (`expected` is "valid syntax"; the column is the same).
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
