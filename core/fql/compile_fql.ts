import type { FqlNode } from "./ast.ts";
import { explainFailure } from "./_expected.ts";
import { type FqlBuilder, parseQuery } from "./_parser.ts";
import { isComparable, matcherBuilder, NATIVE_MATCHING } from "./_matcher.ts";

/** A compiled subscription query: whether an event matches it. */
export type FqlMatcher = (event: unknown) => boolean;

/** The deepest AST {@linkcode compileFql} and `printFql` accept (parsed queries stay far below). */
export const MAX_AST_DEPTH = 256;

const NATIVE_MATCHER = matcherBuilder(NATIVE_MATCHING);

/**
 * Compiles a query (or a parsed AST) once into a matcher; a non-object event
 * matches nothing. A query string is parsed and compiled in one pass, without
 * an AST; its syntax error names the column and what was expected there.
 *
 * @throws {FqlSyntaxError} when a query string cannot be parsed.
 * @throws {TypeError} when an AST is malformed, {RangeError} when it nests deeper than 256 levels.
 *
 * @example
 * ```ts
 * import { compileFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const matches = compileFql('type = "track" and match(event, "Order *")');
 * assert.equal(matches({ type: "track", event: "Order Completed" }), true);
 * assert.equal(matches({ type: "identify" }), false);
 * ```
 */
export function compileFql(queryOrAst: string | FqlNode): FqlMatcher {
  const test = typeof queryOrAst === "string"
    ? parseQuery(queryOrAst, NATIVE_MATCHER, explainFailure)
    : buildFromAst(queryOrAst, NATIVE_MATCHER, 0);
  return (event) => typeof event === "object" && event !== null && test(event);
}

function malformed(node: unknown, why: string): TypeError {
  return new TypeError(
    `Cannot compile subscription query: ${why} in node ${JSON.stringify(node)}`,
  );
}

// Walks an AST, checking each node, calling `build` as the parser would.
function buildFromAst<T>(
  node: FqlNode,
  build: FqlBuilder<T>,
  depth: number,
): T {
  if (depth > MAX_AST_DEPTH) {
    throw new RangeError(
      `Cannot compile subscription query: the AST nests deeper than ${MAX_AST_DEPTH} levels`,
    );
  }
  const span = { start: 0, middle: 0, end: 0 };
  switch (node?.kind) {
    case "not":
      return build.not(buildFromAst(node.operand, build, depth + 1), 0);
    case "and":
    case "or":
      if (!Array.isArray(node.children) || node.children.length === 0) {
        throw malformed(node, "expected a non-empty children array");
      }
      return node.children.length === 1
        ? buildFromAst(node.children[0], build, depth + 1)
        : build.join(
          node.kind,
          node.children.map((child) => buildFromAst(child, build, depth + 1)),
        );
    case "comparison":
      checkPath(node.path, node);
      if (
        !isComparable(node.operator, node.value) || Number.isNaN(node.value)
      ) {
        throw malformed(node, "expected a value and operator that go together");
      }
      return build.compare(node.path, node.operator, node.value, span);
    case "function":
      checkPath(node.path, node);
      if (
        typeof node.argument !== "string" ||
        typeof node.negated !== "boolean" ||
        (node.name !== "contains" && node.name !== "match")
      ) {
        throw malformed(
          node,
          "expected contains or match, a string argument and a boolean negated",
        );
      }
      return build.call(
        node.name,
        node.path,
        node.argument,
        node.negated,
        span,
      );
  }
  throw malformed(node, "unknown kind");
}

function checkPath(path: unknown, node: FqlNode): void {
  if (
    !Array.isArray(path) || path.length === 0 ||
    !path.every((segment) => typeof segment === "string")
  ) {
    throw malformed(node, "expected a path of one or more strings");
  }
}
