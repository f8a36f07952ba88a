/** The comparison operators of a subscription query. */
export type FqlOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** A literal a field is compared with. */
export type FqlValue = string | number | boolean | null;

/** `path op value`, such as `properties.total > 100`. */
export interface FqlComparison {
  kind: "comparison";
  /** The event path, one entry per segment: `["properties", "order", "total"]`. */
  path: string[];
  operator: FqlOperator;
  value: FqlValue;
}

/**
 * `contains(path, "s")` or `match(path, "glob")`; `negated` is the `!contains(...)`
 * form, which holds only for a string that does not contain (or match) the argument.
 */
export interface FqlFunctionCall {
  kind: "function";
  name: "contains" | "match";
  path: string[];
  argument: string;
  negated: boolean;
}

/** Every child holds (at least two children). */
export interface FqlAnd {
  kind: "and";
  children: FqlNode[];
}

/** At least one child holds (at least two children). */
export interface FqlOr {
  kind: "or";
  children: FqlNode[];
}

/** `!(...)`: the operand does not hold. */
export interface FqlNot {
  kind: "not";
  operand: FqlNode;
}

/** A parsed subscription query, as returned by `parseFql`. */
export type FqlNode = FqlComparison | FqlFunctionCall | FqlAnd | FqlOr | FqlNot;
