import type { FqlNode, FqlValue } from "./ast.ts";
import { MAX_AST_DEPTH } from "./compile_fql.ts";

const PLAIN_FIRST = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLAIN_LATER = /^[A-Za-z0-9_-]+$/;
const OPERATORS = new Set(["=", "!=", "<", "<=", ">", ">="]);

/**
 * Prints an AST as canonical query text that parses back to the same AST:
 * single spaces, double quotes, nested conjunctions in parentheses.
 *
 * @throws {TypeError} when the AST is malformed, {RangeError} when it nests deeper than 256 levels.
 *
 * @example
 * ```ts
 * import { parseFql, printFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const ast = parseFql("type='track' and (event=\"A\" or properties.total>5)");
 * assert.equal(printFql(ast), 'type = "track" and (event = "A" or properties.total > 5)');
 * assert.deepEqual(parseFql(printFql(ast)), ast);
 * ```
 */
export function printFql(ast: FqlNode): string {
  return printNode(ast, 0);
}

function printNode(node: FqlNode, depth: number): string {
  if (depth > MAX_AST_DEPTH) {
    throw new RangeError(
      `Cannot print subscription query: the AST nests deeper than ${MAX_AST_DEPTH} levels`,
    );
  }
  switch (node?.kind) {
    case "comparison":
      if (!OPERATORS.has(node.operator)) break;
      return `${printPath(node.path)} ${node.operator} ${
        printValue(node.value)
      }`;
    case "function":
      if (node.name !== "contains" && node.name !== "match") break;
      return `${node.negated ? "!" : ""}${node.name}(${printPath(node.path)}, ${
        printString(node.argument)
      })`;
    case "not":
      return `!(${printNode(node.operand, depth + 1)})`;
    case "and":
    case "or":
      if (!Array.isArray(node.children) || node.children.length === 0) break;
      return node.children.map((child) => {
        const text = printNode(child, depth + 1);
        return child.kind === "and" || child.kind === "or" ? `(${text})` : text;
      }).join(` ${node.kind} `);
  }
  throw new TypeError(
    `Cannot print subscription query: malformed node ${JSON.stringify(node)}`,
  );
}

function printPath(path: readonly string[]): string {
  if (!Array.isArray(path) || path.length === 0) {
    throw new TypeError(
      `Cannot print subscription query: malformed path ${JSON.stringify(path)}`,
    );
  }
  return path.map((segment, index) => {
    if (typeof segment !== "string") {
      throw new TypeError(
        `Cannot print subscription query: malformed path ${
          JSON.stringify(path)
        }`,
      );
    }
    const plain = index === 0
      ? PLAIN_FIRST.test(segment) && !/^(and|or)$/i.test(segment)
      : PLAIN_LATER.test(segment);
    return plain ? segment : printString(segment);
  }).join(".");
}

function printString(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

function printValue(value: FqlValue): string {
  if (typeof value === "string") return printString(value);
  if (typeof value === "number" && Number.isFinite(value)) {
    return printNumber(value);
  }
  if (value === null || typeof value === "boolean") return String(value);
  throw new TypeError(
    `Cannot print subscription query: malformed value ${String(value)}`,
  );
}

// Positional notation only: the grammar has no exponents.
function printNumber(value: number): string {
  if (Object.is(value, -0)) return "-0";
  const text = String(value);
  const e = text.indexOf("e");
  if (e === -1) return text;
  const sign = value < 0 ? "-" : "";
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const digits = mantissa.replace(".", "");
  const point =
    (mantissa.indexOf(".") === -1 ? mantissa.length : mantissa.indexOf(".")) +
    exponent;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  return `${sign}${digits}${"0".repeat(Math.max(0, point - digits.length))}`;
}
