import type { FqlNode } from "./ast.ts";
import { compileFql, type FqlMatcher } from "./compile_fql.ts";

/** How many compiled query strings {@linkcode matchesFql} keeps. */
export const FQL_CACHE_SIZE = 500;

const byQuery = new Map<string, FqlMatcher>();
const byAst = new WeakMap<FqlNode, FqlMatcher>();

/**
 * Returns whether an event matches a subscription query (or a parsed AST);
 * compiled matchers are cached (the last 500 query strings, ASTs by identity).
 *
 * @throws {FqlSyntaxError} when the query cannot be parsed.
 *
 * @example
 * ```ts
 * import { matchesFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const event = { type: "track", event: "Order Completed", properties: { total: 120 } };
 * assert.equal(matchesFql(event, 'event = "Order Completed" and properties.total >= 100'), true);
 * assert.equal(matchesFql(event, 'type = "identify" or properties.total < 100'), false);
 * ```
 */
export function matchesFql(
  event: unknown,
  queryOrAst: string | FqlNode,
): boolean {
  return matcherFor(queryOrAst)(event);
}

function matcherFor(queryOrAst: string | FqlNode): FqlMatcher {
  if (typeof queryOrAst !== "string") {
    let matcher = byAst.get(queryOrAst);
    if (matcher === undefined) {
      matcher = compileFql(queryOrAst);
      byAst.set(queryOrAst, matcher);
    }
    return matcher;
  }
  let matcher = byQuery.get(queryOrAst);
  if (matcher === undefined) {
    matcher = compileFql(queryOrAst);
    // Oldest first: Map keeps insertion order.
    if (byQuery.size >= FQL_CACHE_SIZE) {
      byQuery.delete(byQuery.keys().next().value!);
    }
    byQuery.set(queryOrAst, matcher);
  }
  return matcher;
}
