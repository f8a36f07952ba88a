import { IntegrationError } from "../errors.ts";

/**
 * A mapping would produce more than its budgets allow: a directive's output
 * (characters of a string, entries of an object or array) above
 * `maxOutputSize`, or the work of one resolve (characters produced, entries
 * copied or walked) above `maxWork`. Thrown before the engine would run out
 * of memory or time; the message names the directive and its path in the
 * mapping.
 *
 * @example
 * ```ts
 * import { MappingBudgetError, transform } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const mapping = {
 *   v: { "@replace": { pattern: "a", replacement: "$&$&", value: { "@path": "$.text" } } },
 * };
 * const event = { text: "a".repeat(1_000) };
 * assert.throws(
 *   () => transform(mapping, event, { maxOutputSize: 1_500 }),
 *   (error: MappingBudgetError) => error.code === "MAPPING_BUDGET_EXCEEDED" && error.budget === "maxOutputSize",
 * );
 * ```
 */
export class MappingBudgetError extends IntegrationError {
  override name = "MappingBudgetError";
  /** The budget that ran out. */
  declare readonly budget: "maxOutputSize" | "maxWork";
  /** Its value. */
  declare readonly limit: number;

  constructor(
    message: string,
    budget: "maxOutputSize" | "maxWork",
    limit: number,
  ) {
    // Status 400 (the default) is not retryable by default.
    super(message, "MAPPING_BUDGET_EXCEEDED");
    this.budget = budget;
    this.limit = limit;
  }
}
