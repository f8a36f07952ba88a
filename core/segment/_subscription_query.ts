// The seam between the Segment Destination and the subscription language: one function,
// so that Segment's dialect (core/segment/destination_subscriptions.ts, written beside this
// one) replaces destkit's native grammar here and nowhere else.
// TODO(#11): call destination_subscriptions.ts's parseFql/validate once it is merged.
import { compileFql } from "../fql/mod.ts";

/** A parsed subscription: a matcher, or the parse error Segment reports. */
export type ParsedSubscription =
  | { matches: (event: unknown) => boolean; error?: undefined }
  | { error: Error };

/** Parses a subscription query once; a query that does not parse gives `{ error }`. */
export function parseSubscription(query: string): ParsedSubscription {
  try {
    return { matches: compileFql(query) };
  } catch (error) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
}
