/**
 * The destinations known to differ between Segment's runtime and destkit's drop-in in the
 * replay, each with the reason. The replay test fails when a destination joins or leaves
 * this list: a destination that was identical must stay identical, and a fixed one must be
 * taken off.
 *
 * @module
 */
import type { ReplayRow } from "./compare.ts";

/** Destination slug to why it differs. */
export const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = Object
  .freeze({
    braze:
      "Several subscribed actions fail on the track event and onEvent rejects with the first " +
      "rejection. On Segment's runtime trackPurchase2's perform throws first (no sync mode in " +
      'the mapping: \'syncMode must be "add" or "update"\'); on the drop-in a later action\'s ' +
      "payload validation rejects first ('campaign_id' missing). Each error alone is Segment's; " +
      "the drop-in reaches perform after more awaits (core/segment/_action.ts)",
    heap:
      "Requests identical. perform returns the raw responses and the result carries them: " +
      "Segment's are node-fetch objects (own fields size and timeout, a request with follow, " +
      "compress and counter, and the normalised options: upper-case method, the client's " +
      "hooks, throwHttpErrors, timeout, body, signal); the drop-in's are web Responses with " +
      "the options as the destination gave them",
    mixpanel:
      "Requests identical. As heap: perform returns the raw responses, node-fetch objects " +
      "with normalised options on Segment's runtime, web Responses with the given options on " +
      "the drop-in",
  });

/** Destinations that differ but are not listed (`joined`), and listed ones that do not differ (`left`). */
export function checkKnownDifferences(
  rows: readonly ReplayRow[],
  known: Readonly<Record<string, string>> = KNOWN_DIFFERENCES,
): { joined: string[]; left: string[] } {
  const differing = new Set(
    rows.filter((row) => row.status !== "identical").map((row) => row.slug),
  );
  return {
    joined: [...differing].filter((slug) => !(slug in known)),
    left: Object.keys(known).filter((slug) => !differing.has(slug)),
  };
}
