import assert from "node:assert/strict";
import { parseFql, printFql } from "./mod.ts";
import type { FqlNode, FqlValue } from "./mod.ts";

function compare(
  path: string[],
  value: FqlValue,
  operator: "=" | "<" = "=",
): FqlNode {
  return { kind: "comparison", path, operator, value };
}

Deno.test("printFql() prints canonical text that parses back to the same AST", async (t) => {
  const a = compare(["type"], "a");
  const b = compare(["event"], "b");
  const c = compare(["name"], "c");
  const cases: [FqlNode, string][] = [
    [a, 'type = "a"'],
    [
      { kind: "and", children: [a, b, c] },
      'type = "a" and event = "b" and name = "c"',
    ],
    [
      { kind: "or", children: [a, { kind: "and", children: [b, c] }] },
      'type = "a" or (event = "b" and name = "c")',
    ],
    [
      { kind: "and", children: [{ kind: "or", children: [a, b] }, c] },
      '(type = "a" or event = "b") and name = "c"',
    ],
    [
      { kind: "and", children: [{ kind: "and", children: [a, b] }, c] },
      '(type = "a" and event = "b") and name = "c"',
    ],
    [{ kind: "not", operand: { kind: "not", operand: a } }, '!(!(type = "a"))'],
    [{
      kind: "function",
      name: "match",
      path: ["event"],
      argument: "A*",
      negated: true,
    }, '!match(event, "A*")'],
    [{
      kind: "not",
      operand: {
        kind: "function",
        name: "contains",
        path: ["event"],
        argument: "x",
        negated: false,
      },
    }, '!(contains(event, "x"))'],
    [
      compare(["properties", "first name", "0", "", "and"], 'say "hi" \\'),
      'properties."first name".0."".and = "say \\"hi\\" \\\\"',
    ],
    [compare(["and"], 1), '"and" = 1'],
    [compare(["0"], 1), '"0" = 1'],
    [compare(["x"], 1e21, "<"), "x < 1000000000000000000000"],
    [compare(["x"], -1.5e-7, "<"), "x < -0.00000015"],
    [compare(["x"], -0), "x = -0"],
    [compare(["x"], 0.1), "x = 0.1"],
    [compare(["x"], null), "x = null"],
    [compare(["x"], false), "x = false"],
  ];
  for (const [ast, text] of cases) {
    await t.step(text, () => {
      assert.equal(printFql(ast), text);
      assert.deepEqual(parseFql(text), ast);
    });
  }
});

Deno.test("printFql() rejects a malformed AST", async (t) => {
  const cases: [string, unknown][] = [
    ["an unknown kind", { kind: "xor" }],
    ["an empty path", {
      kind: "comparison",
      path: [],
      operator: "=",
      value: 1,
    }],
    ["Infinity", {
      kind: "comparison",
      path: ["x"],
      operator: "=",
      value: Infinity,
    }],
    ["an unknown operator", {
      kind: "comparison",
      path: ["x"],
      operator: "~",
      value: 1,
    }],
  ];
  for (const [label, ast] of cases) {
    await t.step(
      label,
      () => assert.throws(() => printFql(ast as FqlNode), TypeError),
    );
  }
  await t.step("a 10,000-level AST is a RangeError", () => {
    let ast: FqlNode = compare(["type"], "a");
    for (let i = 0; i < 10_000; i++) ast = { kind: "not", operand: ast };
    assert.throws(() => printFql(ast), RangeError);
  });
});
