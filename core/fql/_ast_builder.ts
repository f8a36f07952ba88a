import type { FqlNode } from "./ast.ts";
import type { FqlBuilder, NodeSpan } from "./_parser.ts";

/** Makes the builder of AST nodes; records where each condition sits in `spans` when given. */
export function astBuilder(
  spans?: Map<FqlNode, NodeSpan>,
): FqlBuilder<FqlNode> {
  function at(node: FqlNode, span: NodeSpan): FqlNode {
    spans?.set(node, span);
    return node;
  }
  return {
    compare: (path, operator, value, span) =>
      at({ kind: "comparison", path, operator, value }, span),
    call: (name, path, argument, negated, span) =>
      at({
        kind: "function",
        name: name as "contains" | "match",
        path,
        argument,
        negated,
      }, span),
    not: (operand, start) =>
      at({ kind: "not", operand }, { start, middle: start, end: start }),
    join: (kind, children) => ({ kind, children }),
  };
}
