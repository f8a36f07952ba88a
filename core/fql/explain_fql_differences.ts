import type { FqlNode } from "./ast.ts";
import { FqlSyntaxError } from "./fql_syntax_error.ts";
import { nodeDifferences } from "./_node_differences.ts";
import { astBuilder } from "./_ast_builder.ts";
import { failure, type NodeSpan, parseQuery } from "./_parser.ts";
import { tokenDifferences } from "./_token_differences.ts";
import { type Token, tokenize } from "./_lexer.ts";

/** A place where Segment reads a query differently from destkit. */
export interface FqlDifference {
  /** What Segment does there, in plain words. */
  message: string;
  /** The 1-based position in the query. */
  column: number;
}

/**
 * Lists where Segment's `@segment/destination-subscriptions` would match other
 * events than destkit for this query (mixed `and`/`or` without parentheses,
 * uppercase `AND`, fields Segment drops, ...), sorted by column; an empty list
 * means both match the same events. A query destkit cannot parse gives `[]`
 * (`parseFql` reports it).
 *
 * @example
 * ```ts
 * import { explainFqlDifferences } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(explainFqlDifferences('type = "track" and event = "A"'), []);
 * const [difference] = explainFqlDifferences('anonymousId = "x" or type = "track"');
 * assert.equal(difference.column, 1);
 * assert.match(difference.message, /drops/);
 * ```
 */
export function explainFqlDifferences(query: string): FqlDifference[] {
  const spans = new Map<FqlNode, NodeSpan>();
  let ast: FqlNode;
  let tokens: Token[];
  try {
    tokens = tokenize(query, failure(query));
    ast = parseQuery(query, astBuilder(spans), undefined, tokens);
  } catch (error) {
    if (error instanceof FqlSyntaxError) return [];
    throw error;
  }
  const found = [
    ...tokenDifferences(query, tokens),
    ...nodeDifferences(ast, spans, tokens),
  ];
  return found.sort((a, b) => a.column - b.column);
}
