/**
 * The subscription language: `type = "track" and event = "Order Completed"`.
 * Queries parse into an AST with positioned errors, compile once into a
 * matcher, print back canonically, and can be checked against the places where
 * Segment's parser reads them differently.
 *
 * ```ts
 * import { compileFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const matches = compileFql('type = "track" and properties.total > 100');
 * assert.equal(matches({ type: "track", properties: { total: 120 } }), true);
 * ```
 *
 * @module
 */

export { compileFql } from "./compile_fql.ts";
export type { FqlMatcher } from "./compile_fql.ts";
export { explainFqlDifferences } from "./explain_fql_differences.ts";
export type { FqlDifference } from "./explain_fql_differences.ts";
export { FqlSyntaxError } from "./fql_syntax_error.ts";
export { matchesFql } from "./matches_fql.ts";
export { parseFql } from "./parse_fql.ts";
export { printFql } from "./print_fql.ts";
export type * from "./ast.ts";
