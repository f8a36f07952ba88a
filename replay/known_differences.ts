/**
 * The destinations known to differ between Segment's runtime and destkit's drop-in in the
 * replay, each with the reason. The replay test fails when a destination joins or leaves
 * this list.
 *
 * @module
 */
import type { ReplayRow } from "./compare.ts";

/** Destination slug to why it differs. */
export const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = Object
  .freeze({});

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
