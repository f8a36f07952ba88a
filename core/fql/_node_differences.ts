import type { FqlComparison, FqlFunctionCall, FqlNode } from "./ast.ts";
import type { FqlDifference } from "./explain_fql_differences.ts";
import type { Token } from "./_lexer.ts";
import type { NodeSpan } from "./_parser.ts";

const TOP_FIELDS = new Set(["type", "event", "name", "userId"]);
const NESTED_FIELDS = new Set(["properties", "traits", "context"]);
const FUNCTION_FIELDS = new Set(["event", "name", "userId"]);
const SOUND_GLOB = /^(?:[^*?]*\*|\*[^*?]*)$/;
const READ_BY_SEGMENT =
  "type, event, name, userId, properties.*, traits.* and context.*";

type Note = (offset: number, message: string) => void;

const OBJECT_MEMBERS = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "__proto__",
]);
const INHERITED = new Set([
  ...OBJECT_MEMBERS,
  ...Object.getOwnPropertyNames(Array.prototype),
  ...Object.getOwnPropertyNames(String.prototype),
]);
INHERITED.delete("length");

// Whether a key names a member that objects (or, with `inArrayOrString`,
// arrays and strings) inherit from a built-in prototype, such as `constructor`.
function isInheritedName(key: string, inArrayOrString: boolean): boolean {
  return inArrayOrString ? INHERITED.has(key) : OBJECT_MEMBERS.has(key);
}

// Offsets of the path segments written as quoted strings between two offsets.
function quotedBetween(tokens: readonly Token[], from: number, to: number) {
  return tokens.filter((token) =>
    token.kind === "string" && token.start >= from && token.start < to
  ).map((token) => token.start);
}

/** Differences in what the conditions mean: fields Segment drops, values it reads as strings. */
export function nodeDifferences(
  ast: FqlNode,
  spans: Map<FqlNode, NodeSpan>,
  tokens: readonly Token[],
): FqlDifference[] {
  const found: FqlDifference[] = [];
  const note: Note = (offset, message) =>
    found.push({ message, column: offset + 1 });
  const pending: FqlNode[] = [ast];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === "and" || node.kind === "or") {
      pending.push(...node.children);
    } else if (node.kind === "not") pending.push(node.operand);
    else {
      const span = spans.get(node)!;
      // A comparison's path comes before its operator, a function's path is its argument list.
      const quoted = node.kind === "comparison"
        ? quotedBetween(tokens, span.start, span.middle)
        : quotedBetween(tokens, span.middle, span.end);
      checkSegments(node.path, span, quoted, note);
      if (node.kind === "comparison") checkComparison(node, span, note);
      else checkFunction(node, span, note);
    }
  }
  return found;
}

function checkSegments(
  path: readonly string[],
  span: NodeSpan,
  quoted: readonly number[],
  note: Note,
): void {
  for (const offset of quoted) {
    note(
      offset,
      "Segment cannot read a quoted path segment: it drops or misreads the condition",
    );
  }
  for (const [index, segment] of path.entries()) {
    if (index === 0) continue;
    const label = `path segment "${segment}"`;
    if (!/^[A-Za-z_]/.test(segment)) {
      note(
        span.start,
        `Segment cannot read the ${label}: it reads segments that start with a letter or "_"`,
      );
    } else if (segment === "and" || segment === "or" || segment === "null") {
      note(
        span.start,
        `Segment reads the ${label} as the keyword ${segment} and misreads the condition`,
      );
    } else if (isInheritedName(segment, index > 1)) {
      note(
        span.start,
        `Segment reads the inherited member "${segment}" of objects and strings; destkit reads own properties only`,
      );
    }
  }
}

function checkComparison(
  node: FqlComparison,
  span: NodeSpan,
  note: Note,
): void {
  const { path, operator, value } = node;
  const root = path[0];
  const field = path.join(".");
  if (!TOP_FIELDS.has(root) && !NESTED_FIELDS.has(root)) {
    note(
      span.start,
      `Segment silently drops the condition on "${field}": it reads only ${READ_BY_SEGMENT}`,
    );
    return;
  }
  if (TOP_FIELDS.has(root) && path.length > 1) {
    note(
      span.start,
      `Segment compares "${root}" itself and ignores the rest of the path "${field}"`,
    );
  }
  if (NESTED_FIELDS.has(root) && path.length === 1) {
    note(
      span.start,
      `Segment reads "${root}" as ${root}.${root}: name a field inside it`,
    );
  }
  const ordering = operator !== "=" && operator !== "!=";
  const literal = JSON.stringify(String(value));
  if (typeof value === "string" && ordering) {
    note(
      span.end,
      `Segment compares "${operator}" only as numbers: it converts the string ${literal} to a number`,
    );
  } else if (
    typeof value === "number" && !ordering && !NESTED_FIELDS.has(root)
  ) {
    note(
      span.end,
      `Segment compares "${root}" with the string ${literal}, destkit with the number ${value}: quote it`,
    );
  } else if (typeof value === "boolean" && operator === "!=") {
    note(
      span.end,
      `Segment's "!= ${value}" holds for every value except the string ${literal}`,
    );
  } else if (
    typeof value === "boolean" &&
    (root === "type" || root === "event" || root === "name")
  ) {
    note(
      span.end,
      `Segment compares "${root}" with the string ${literal}, destkit with the boolean ${value}`,
    );
  } else if (value === null && (root === "type" || root === "event")) {
    note(
      span.end,
      `Segment compares "${root}" with the string "null", destkit tests whether it is missing`,
    );
  }
}

function checkFunction(
  node: FqlFunctionCall,
  span: NodeSpan,
  note: Note,
): void {
  const { path, name, argument } = node;
  const root = path[0];
  const read = path.length === 1
    ? FUNCTION_FIELDS.has(root)
    : NESTED_FIELDS.has(root);
  if (!read) {
    note(
      span.middle,
      `Segment silently drops ${name}() on "${
        path.join(".")
      }": it reads only event, name, userId, properties.*, traits.* and context.*`,
    );
  }
  if (name === "match" && !SOUND_GLOB.test(argument)) {
    note(
      span.end,
      `Segment's match() only understands "prefix*" and "*suffix": it reads ${
        JSON.stringify(argument)
      } as ${
        argument.endsWith("*")
          ? "a prefix ending in the earlier characters"
          : "a suffix without its first character"
      }`,
    );
  }
}
