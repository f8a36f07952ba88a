import type { FqlNode } from "./ast.ts";
import { astBuilder } from "./_ast_builder.ts";
import { explainFailure } from "./_expected.ts";
import { parseQuery } from "./_parser.ts";

const AST_BUILDER = astBuilder();

/**
 * Parses a subscription query, such as `type = "track" and event = "Order Completed"`,
 * into an AST; `and` binds tighter than `or`.
 *
 * @throws {FqlSyntaxError} when the query cannot be parsed; `column` points at the fault.
 *
 * @example
 * ```ts
 * import { parseFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseFql('type = "track" and properties.total > 100'), {
 *   kind: "and",
 *   children: [
 *     { kind: "comparison", path: ["type"], operator: "=", value: "track" },
 *     { kind: "comparison", path: ["properties", "total"], operator: ">", value: 100 },
 *   ],
 * });
 * ```
 */
export function parseFql(query: string): FqlNode {
  if (typeof query !== "string") {
    throw new TypeError(
      `Cannot parse subscription query: expected a string, received ${typeof query}`,
    );
  }
  return parseQuery(query, AST_BUILDER, explainFailure);
}
