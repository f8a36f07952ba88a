/**
 * A drop-in for `@segment/destination-subscriptions` 3.37.0, on destkit's
 * subscription engine in Segment's dialect: `parseFql` gives Segment's AST (or
 * its `{ error }`) for every query, `validate` Segment's answer for every AST
 * and event, `generateFql` Segment's text. Code written against the package
 * runs unchanged with one import-map line:
 * `"@segment/destination-subscriptions": "./core/segment/destination_subscriptions.ts"`.
 *
 * ```ts
 * import { generateFql, parseFql, validate } from "./destination_subscriptions.ts";
 * import assert from "node:assert/strict";
 *
 * const ast = parseFql('type = "track" and properties.total > 100');
 * assert.equal(validate(ast, { type: "track", properties: { total: 120 } }), true);
 * assert.equal(generateFql(ast), 'type = "track" and properties.total > 100');
 * // Segment's reading, quirks included: the last conjunction applies to the group.
 * assert.equal(validate(parseFql('type = "a" and type = "b" or event = "c"'), { type: "a" }), true);
 * ```
 *
 * @module
 */
import { compileSegmentCondition } from "../fql/compile_segment_condition.ts";
import { parseSegmentQuery } from "../fql/parse_segment_query.ts";
import type {
  SegmentCondition,
  SegmentFieldCondition,
  SegmentGroup,
  SegmentOperator,
  SegmentPathCondition,
  SegmentSubscription,
} from "../fql/segment_ast.ts";

/** A parsed subscription: a group of conditions, or the error that stopped the parse. */
export type Subscription = SegmentSubscription;
/** Conditions joined by one conjunction. */
export type GroupCondition<T = Condition> = SegmentGroup<T>;
/** What `parseFql` returns for a query it cannot read. */
export interface ErrorCondition {
  error: Error;
}
/** Any condition. */
export type Condition = SegmentCondition;
/** The conjunction of a group. */
export type GroupConditionOperator = "and" | "or";
/** A condition on the event's `type`. */
export type EventTypeCondition = SegmentFieldCondition & { type: "event-type" };
/** A condition on the event's `event`. */
export type EventCondition = SegmentFieldCondition & { type: "event" };
/** A condition on the event's `userId`. */
export type EventUserIdCondition = SegmentFieldCondition & { type: "userId" };
/** A condition on the event's `name`. */
export type EventNameCondition = SegmentFieldCondition & { type: "name" };
/** A condition on a path in `properties`. */
export type EventPropertyCondition = SegmentPathCondition & {
  type: "event-property";
};
/** A condition on a path in `traits`. */
export type EventTraitCondition = SegmentPathCondition & {
  type: "event-trait";
};
/** A condition on a path in `context`. */
export type EventContextCondition = SegmentPathCondition & {
  type: "event-context";
};
/** A condition operator. */
export type Operator = SegmentOperator;
/** The `type` of a condition. */
export type ConditionType = "group" | Condition["type"];
/** The condition types that read a path. */
export type PropertyConditionType = "event-property" | "event-context";

/**
 * Parses a subscription query as Segment does: its AST, or `{ error }` with
 * Segment's message for a query it cannot read.
 */
export function parseFql(fql: string): Subscription {
  return parseSegmentQuery(fql);
}

/**
 * Whether `data` matches the parsed subscription, as Segment decides: `false`
 * for an `{ error }` subscription or an undefined event.
 */
// deno-lint-ignore no-explicit-any
export function validate(condition: Subscription, data: any): boolean {
  if ((condition as ErrorCondition).error || typeof data === "undefined") {
    return false;
  }
  return compileSegmentCondition(condition as SegmentCondition)(data);
}

/**
 * Prints a parsed subscription back as query text, as Segment does.
 *
 * @throws {Error} the subscription's own error, when it has one.
 */
export function generateFql(ast: Subscription): string {
  if ((ast as ErrorCondition).error) throw (ast as ErrorCondition).error;
  const fql = printGroup(ast as SegmentGroup);
  // Segment drops the parentheses of a query that is one group.
  const parentheses = fql.replace(/[^()]/g, "").length;
  return fql.startsWith("(") && fql.endsWith(")") && parentheses === 2
    ? fql.slice(1, -1)
    : fql;
}

function printGroup(group: SegmentGroup): string {
  return group.children.map((child) =>
    child.type === "group" ? `(${printGroup(child)})` : printCondition(child)
  ).join(` ${group.operator} `);
}

const FIELD_NAMES: Record<string, string> = {
  name: "name",
  userId: "userId",
  event: "event",
  "event-type": "type",
};
const PATH_NAMES: Record<string, string> = {
  "event-property": "properties",
  "event-trait": "traits",
  "event-context": "context",
};

function printCondition(
  condition: SegmentFieldCondition | SegmentPathCondition,
): string {
  const { type, operator, value } = condition;
  if (Object.hasOwn(FIELD_NAMES, type)) {
    return printExpression(FIELD_NAMES[type], operator, value);
  }
  if (Object.hasOwn(PATH_NAMES, type)) {
    let { name } = condition as SegmentPathCondition;
    // Segment escapes every character but letters, digits, ".", "_" and "-".
    if (typeof name === "string") {
      name = name.replace(/[^a-zA-Z0-9._-]/g, "\\$&");
    }
    return printExpression(`${PATH_NAMES[type]}.${name}`, operator, value);
  }
  throw new Error("Unknown condition type");
}

function printValue(value: unknown): string {
  return typeof value === "boolean" || typeof value === "number"
    ? String(value)
    : `"${value}"`;
}

function printExpression(
  name: string,
  operator: string,
  value: unknown,
): string {
  switch (operator) {
    case "contains":
    case "not_contains":
      return `${operator === "contains" ? "" : "!"}contains(${name}, ${
        printValue(value)
      })`;
    case "exists":
      return `${name} != null`;
    case "not_exists":
      return `${name} = null`;
    case "is_true":
      return `${name} = true`;
    case "is_false":
      return `${name} = false`;
    case "starts_with":
    case "not_starts_with":
      return `${operator === "starts_with" ? "" : "!"}match(${name}, "${
        String(value)
      }*")`;
    case "ends_with":
    case "not_ends_with":
      return `${operator === "ends_with" ? "" : "!"}match(${name}, "*${
        String(value)
      }")`;
    case "<":
    case ">":
    case "<=":
    case ">=":
      return `${name} ${operator} ${Number(value)}`;
    case "number_equals":
      return `${name} = ${Number(value)}`;
    case "number_not_equals":
      return `${name} != ${Number(value)}`;
  }
  return `${name} ${operator} ${printValue(value)}`;
}
