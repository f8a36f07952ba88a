// Segment's reading of a query, on the one tokenizer (with Segment's lexicon):
// the last conjunction of a group applies to all of it, one level of
// parentheses, identifiers it does not know dropped; the AST Segment gives.
import { FqlSyntaxError } from "./fql_syntax_error.ts";
import { type Token, tokenize } from "./_lexer.ts";
import { failure } from "./_parser.ts";
import { SEGMENT_LEXICON } from "./_segment_lexicon.ts";
import {
  PATH_ROOTS,
  type SegmentCondition,
  type SegmentFieldCondition,
  type SegmentOperator,
  type SegmentPathCondition,
  type SegmentSubscription,
  TOP_FIELDS,
} from "./segment_ast.ts";

// Segment's view of a token: its type name and its text.
interface SegmentToken {
  type: string;
  value: string;
}

const TOKEN_TYPES: Record<string, string> = {
  word: "ident",
  and: "conditional",
  or: "conditional",
  op: "operator",
  "!": "operator",
  ".": "dot",
  ",": "comma",
  "(": "parenleft",
  ")": "parenright",
  "[": "brackleft",
  "]": "brackright",
  eof: "eos",
};

const EOS: SegmentToken = { type: "eos", value: "eos" };

// Segment looks the first segment of an identifier up in a plain object, so
// inherited names (`constructor`, `toString`, ...) are found too: they are no
// condition type, and the two tokens after them are dropped.
const CONDITION_TYPES: Record<string, string> = {
  type: "event-type",
  event: "event",
  name: "name",
  userId: "userId",
  context: "event-context",
  properties: "event-property",
  traits: "event-trait",
};

function toSegmentToken(token: Token): SegmentToken {
  return {
    type: TOKEN_TYPES[token.kind] ?? token.kind,
    value: token.kind === "eof" ? "eos" : token.text,
  };
}

/**
 * Parses a query as Segment's `parseFql` (destination-subscriptions 3.37.0)
 * does: the same AST for every query, or `{ error }` with the same message.
 */
export function parseSegmentQuery(query: string): SegmentSubscription {
  try {
    let tokens: SegmentToken[] = [];
    try {
      if (typeof query === "string") {
        tokens = tokenize(query, failure(query), SEGMENT_LEXICON)
          .map(toSegmentToken);
      }
    } catch (error) {
      // Segment's parser reads no token after a lexical error.
      if (!(error instanceof FqlSyntaxError)) throw error;
    }
    const ast = readGroup(joinPaths(tokens)) as SegmentCondition;
    // Nothing read: the property access fails as Segment's does.
    if (ast.type !== "group") {
      return { type: "group", operator: "and", children: [ast] };
    }
    return ast;
  } catch (error) {
    return {
      error: error instanceof Error
        ? error
        : new Error(`Error while parsing ${query}`),
    };
  }
}

// `a` `.` `b` becomes the identifier `a.b`.
function joinPaths(tokens: SegmentToken[]): SegmentToken[] {
  const joined: SegmentToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const last = joined[joined.length - 1];
    if (
      last?.type === "ident" && tokens[i].type === "dot" &&
      tokens[i + 1]?.type === "ident"
    ) {
      joined[joined.length - 1] = {
        type: "ident",
        value: `${last.value}.${tokens[i + 1].value}`,
      };
      i++;
    } else {
      joined.push(tokens[i]);
    }
  }
  return joined;
}

function isFunctionToken(token: SegmentToken): boolean {
  return token.type === "ident" &&
    (token.value === "contains" || token.value === "match");
}

function tokenValue(token: SegmentToken): string | number | boolean {
  if (token.type === "string") {
    return token.value.replace(/^"/, "").replace(/"$/, "");
  }
  if (token.type === "number") return Number(token.value);
  if (token.type === "ident" && /^(true|false)$/.test(token.value)) {
    return token.value === "true";
  }
  return String(token.value);
}

// Reads one group of tokens (the whole query, or what one "(" opens up to the
// first ")"); a single condition comes back as itself, none as undefined.
function readGroup(tokens: SegmentToken[]): SegmentCondition | undefined {
  const nodes: SegmentCondition[] = [];
  let operator = "and";
  let index = 0;
  const take = (): SegmentToken => tokens[index++];
  let token: SegmentToken | undefined = take();
  while (token && token.type !== "eos") {
    if (token.type === "ident") {
      const [first] = (token.value ?? "").split(".");
      const conditionType = CONDITION_TYPES[first];
      if (conditionType) {
        const operatorToken = take();
        if (!operatorToken) throw new Error("Operator token is missing");
        const valueToken = take();
        if (!valueToken) throw new Error("Value token is missing");
        const node = readCondition(
          conditionType,
          token.value,
          operatorToken,
          valueToken,
        );
        if (node !== undefined) nodes.push(node);
      }
      if (isFunctionToken(token)) readFunction(token.value, nodes, take, false);
    }
    if (token.type === "operator" && token.value === "!") {
      if (isFunctionToken(tokens[index])) {
        readFunction(take().value, nodes, take, true);
      }
    }
    if (token.type === "parenleft") {
      const group: SegmentToken[] = [];
      // No ")" before the end: reading the missing token fails as in Segment.
      for (let inner = take(); inner.type !== "parenright"; inner = take()) {
        group.push(inner);
      }
      group.push(EOS);
      nodes.push(readGroup(group) as SegmentCondition);
    }
    if (token.type === "conditional") operator = token.value;
    token = take();
  }
  if (nodes.length > 1) {
    return { type: "group", operator: operator as "and", children: nodes };
  }
  return nodes[0];
}

function readCondition(
  conditionType: string,
  identifier: string,
  operatorToken: SegmentToken,
  valueToken: SegmentToken,
): SegmentCondition | undefined {
  const operator = operatorToken.value;
  const raw = valueToken.value;
  let special: SegmentOperator | undefined;
  if (operator === "!=" && raw === "null") special = "exists";
  else if (operator === "=" && raw === "null") special = "not_exists";
  else if (operator === "=" && raw === "true") special = "is_true";
  else if (operator === "=" && raw === "false") special = "is_false";
  const root = Object.hasOwn(PATH_ROOTS, conditionType)
    ? PATH_ROOTS[conditionType]
    : undefined;
  if (root === undefined) {
    const type = conditionType as SegmentFieldCondition["type"];
    // `type` and `event` know no special operator; `name` only existence.
    const known = type === "userId" ||
      (type === "name" && /exists/.test(special ?? ""));
    if (known && special !== undefined) return { type, operator: special };
    if (!Object.hasOwn(TOP_FIELDS, type)) return undefined;
    return {
      type,
      operator: operator as SegmentOperator,
      value: String(tokenValue(valueToken)),
    };
  }
  const type = conditionType as SegmentPathCondition["type"];
  const name = identifier.replace(new RegExp(`^(${root})\\.`), "");
  if (special !== undefined) return { type, name, operator: special };
  if (valueToken.type === "number" && /^!?=$/.test(operator)) {
    return {
      type,
      name,
      operator: operator === "=" ? "number_equals" : "number_not_equals",
      value: tokenValue(valueToken),
    };
  }
  return {
    type,
    name,
    operator: operator as SegmentOperator,
    value: tokenValue(valueToken),
  };
}

function readFunction(
  name: string,
  nodes: SegmentCondition[],
  take: () => SegmentToken,
  negate: boolean,
): void {
  take();
  const nameToken = take();
  if (!nameToken) throw new Error(`${name}() is missing a 1st argument`);
  take();
  const valueToken = take();
  if (!valueToken) throw new Error(`${name}() is missing a 2nd argument`);
  take();
  let operator: SegmentOperator;
  let value = String(tokenValue(valueToken));
  if (name === "contains") {
    operator = negate ? "not_contains" : "contains";
  } else if (valueToken.value.endsWith('*"')) {
    operator = negate ? "not_starts_with" : "starts_with";
    value = value.slice(0, -1);
  } else {
    operator = negate ? "not_ends_with" : "ends_with";
    value = value.slice(1);
  }
  const field = nameToken.value;
  if (["event", "name", "userId"].includes(field)) {
    nodes.push({
      type: field as SegmentFieldCondition["type"],
      operator,
      value,
    });
  }
  for (const [type, root] of Object.entries(PATH_ROOTS)) {
    if (new RegExp(`^(${root})`).test(field)) {
      nodes.push({
        type: type as SegmentPathCondition["type"],
        name: field.replace(new RegExp(`^(${root})\\.`), ""),
        operator,
        value,
      });
    }
  }
}
