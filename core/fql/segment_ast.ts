// The AST of Segment's subscription language, as Segment's parseFql gives it.

/** A condition operator of Segment's AST. */
export type SegmentOperator =
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "number_equals"
  | "number_not_equals"
  | "contains"
  | "not_contains"
  | "starts_with"
  | "not_starts_with"
  | "ends_with"
  | "not_ends_with"
  | "exists"
  | "not_exists"
  | "is_true"
  | "is_false";

/** Conditions on a top-level field of the event. */
export interface SegmentFieldCondition {
  type: "event-type" | "event" | "name" | "userId";
  operator: SegmentOperator;
  value?: string;
}

/** Conditions on a path inside `properties`, `traits` or `context`. */
export interface SegmentPathCondition {
  type: "event-property" | "event-trait" | "event-context";
  /** The path inside the object, such as `order.total`. */
  name: string;
  operator: SegmentOperator;
  value?: string | boolean | number;
}

/** Conditions joined by one conjunction. */
export interface SegmentGroup<T = SegmentCondition> {
  type: "group";
  operator: "and" | "or";
  children: T[];
}

/** Any condition of Segment's AST. */
export type SegmentCondition =
  | SegmentGroup
  | SegmentFieldCondition
  | SegmentPathCondition;

/** What Segment's `parseFql` returns: a group, or the error that stopped it. */
export type SegmentSubscription = SegmentGroup | { error: Error };

/** The object each path condition type reads. */
export const PATH_ROOTS: Record<string, string> = {
  "event-property": "properties",
  "event-trait": "traits",
  "event-context": "context",
};

/** The event field each field condition type reads. */
export const TOP_FIELDS: Record<string, string> = {
  "event-type": "type",
  event: "event",
  name: "name",
  userId: "userId",
};
