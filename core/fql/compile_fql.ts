import type { FqlComparison, FqlFunctionCall, FqlNode } from "./ast.ts";
import { compileGlob } from "./_glob.ts";
import { parseQuery } from "./_parser.ts";
import { compilePath, type PathReader } from "./_resolve_path.ts";

/** A compiled subscription query: whether an event matches it. */
export type FqlMatcher = (event: unknown) => boolean;

/** The deepest AST {@linkcode compileFql} and `printFql` accept (parsed queries stay far below). */
export const MAX_AST_DEPTH = 256;

type Test = (event: object) => boolean;

/**
 * Compiles a query (or a parsed AST) once into a matcher; a non-object event
 * matches nothing.
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
  const ast = typeof queryOrAst === "string"
    ? parseQuery(queryOrAst)
    : queryOrAst;
  const test = compileNode(ast, 0);
  return function matches(event: unknown): boolean {
    return typeof event === "object" && event !== null && test(event);
  };
}

function malformed(node: unknown, why: string): TypeError {
  return new TypeError(
    `Cannot compile subscription query: ${why} in node ${JSON.stringify(node)}`,
  );
}

function compileNode(node: FqlNode, depth: number): Test {
  if (depth > MAX_AST_DEPTH) {
    throw new RangeError(
      `Cannot compile subscription query: the AST nests deeper than ${MAX_AST_DEPTH} levels`,
    );
  }
  if (typeof node !== "object" || node === null) {
    throw malformed(node, "expected an object");
  }
  switch (node.kind) {
    case "comparison":
      return compileComparison(node);
    case "function":
      return compileFunction(node);
    case "not": {
      const operand = compileNode(node.operand, depth + 1);
      return (event) => !operand(event);
    }
    case "and":
    case "or": {
      if (!Array.isArray(node.children) || node.children.length === 0) {
        throw malformed(node, "expected a non-empty children array");
      }
      const children = node.children.map((child) =>
        compileNode(child, depth + 1)
      );
      if (children.length === 1) return children[0];
      if (children.length === 2) {
        const [a, b] = children;
        return node.kind === "and"
          ? (event) => a(event) && b(event)
          : (event) => a(event) || b(event);
      }
      if (node.kind === "and") {
        return function every(event) {
          for (let i = 0; i < children.length; i++) {
            if (!children[i](event)) return false;
          }
          return true;
        };
      }
      return function some(event) {
        for (let i = 0; i < children.length; i++) {
          if (children[i](event)) return true;
        }
        return false;
      };
    }
  }
  throw malformed(node, "unknown kind");
}

function checkPath(node: FqlComparison | FqlFunctionCall): PathReader {
  const { path } = node;
  if (
    !Array.isArray(path) || path.length === 0 ||
    !path.every((segment) => typeof segment === "string")
  ) {
    throw malformed(node, "expected a path of one or more strings");
  }
  return compilePath(path);
}

function compileComparison(node: FqlComparison): Test {
  const read = checkPath(node);
  const { operator, value } = node;
  if (value === null) {
    if (operator === "=") return (event) => read(event) == null;
    if (operator === "!=") return (event) => read(event) != null;
  } else if (typeof value === "string") {
    switch (operator) {
      case "=":
        return (event) => read(event) === value;
      case "!=":
        return (event) => read(event) !== value;
      case "<":
        return (event) => compareString(read(event), value) < 0;
      case "<=":
        return (event) => compareString(read(event), value) <= 0;
      case ">":
        return (event) => compareString(read(event), value) > 0;
      case ">=":
        return (event) => compareString(read(event), value) >= 0;
    }
  } else if (typeof value === "number" && !Number.isNaN(value)) {
    switch (operator) {
      case "=":
        return (event) => read(event) === value;
      case "!=":
        return (event) => {
          const actual = read(event);
          return typeof actual === "number" && actual !== value;
        };
      case "<":
        return (event) => {
          const actual = read(event);
          return typeof actual === "number" && actual < value;
        };
      case "<=":
        return (event) => {
          const actual = read(event);
          return typeof actual === "number" && actual <= value;
        };
      case ">":
        return (event) => {
          const actual = read(event);
          return typeof actual === "number" && actual > value;
        };
      case ">=":
        return (event) => {
          const actual = read(event);
          return typeof actual === "number" && actual >= value;
        };
    }
  } else if (typeof value === "boolean") {
    if (operator === "=") return (event) => read(event) === value;
    if (operator === "!=") return (event) => read(event) === !value;
  }
  throw malformed(node, `expected a value and operator that go together`);
}

// NaN when either side is not a string, so every ordering comparison fails.
function compareString(actual: unknown, expected: string): number {
  if (typeof actual !== "string") return NaN;
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}

function compileFunction(node: FqlFunctionCall): Test {
  const read = checkPath(node);
  const { argument, negated } = node;
  if (typeof argument !== "string" || typeof negated !== "boolean") {
    throw malformed(node, "expected a string argument and a boolean negated");
  }
  let test: (text: string) => boolean;
  if (node.name === "contains") test = (text) => text.includes(argument);
  else if (node.name === "match") test = compileGlob(argument);
  else throw malformed(node, "unknown function");
  return function call(event) {
    const actual = read(event);
    return typeof actual === "string" && test(actual) !== negated;
  };
}
