// The seam between the Segment Destination and the subscription language: Segment's dialect
// of the one FQL engine, through the drop-in for `@segment/destination-subscriptions`, so a
// subscription gets Segment's parse (or its error) and Segment's answer for every event.
import { compileSegmentCondition } from "../fql/compile_segment_condition.ts";
import type { SegmentCondition } from "../fql/segment_ast.ts";
import { parseFql } from "./destination_subscriptions.ts";

/** A parsed subscription: a matcher, or the parse error Segment reports. */
export type ParsedSubscription =
  | { matches: (event: unknown) => boolean; error?: undefined }
  | { error: Error };

/**
 * Parses a subscription query once with Segment's `parseFql`; a query it cannot read gives
 * `{ error }`. The matcher answers as Segment's `validate` does (`false` for no event).
 */
export function parseSubscription(query: string): ParsedSubscription {
  const parsed = parseFql(query);
  if ("error" in parsed && parsed.error !== undefined) {
    const { error } = parsed;
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  const test = compileSegmentCondition(parsed as SegmentCondition);
  return { matches: (event) => event !== undefined && test(event as object) };
}
