import { IntegrationError } from "../errors.ts";

const QUOTED_QUERY_LIMIT = 80;

/**
 * A subscription query could not be parsed; `column` (1-based) points at the
 * fault and `expected` says what would have been valid there.
 *
 * @example
 * ```ts
 * import { FqlSyntaxError, parseFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => parseFql('type = "track" and'), (error) => {
 *   assert.ok(error instanceof FqlSyntaxError);
 *   assert.equal(error.column, 19);
 *   return true;
 * });
 * ```
 */
export class FqlSyntaxError extends IntegrationError {
  override name = "FqlSyntaxError";
  /** The query that failed (the whole text, even when the message shortens it). */
  declare readonly query: string;
  /** The 1-based position of the fault, counted in UTF-16 code units. */
  declare readonly column: number;
  /** What would have been valid at `column`, such as `a value after "="`. */
  declare readonly expected: string;

  constructor(query: string, column: number, expected: string, found?: string) {
    const shown = query.length > QUOTED_QUERY_LIMIT
      ? `${query.slice(0, QUOTED_QUERY_LIMIT)}…`
      : query;
    const tail = found === undefined ? "" : `, found ${found}`;
    super(
      `Cannot parse subscription query ${
        JSON.stringify(shown)
      }: expected ${expected}${tail} at column ${column}`,
      // Status 400 (the default) is not retryable by default.
      "PAYLOAD_VALIDATION_FAILED",
    );
    this.query = query;
    this.column = column;
    this.expected = expected;
  }
}
