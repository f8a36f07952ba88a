// Per-subscription batch results merged into one result per event.
import type { EventResult } from "../result.ts";

const SEVERITY: Record<EventResult["status"], number> = {
  unmatched: 0,
  skipped: 1,
  delivered: 2,
  invalid: 3,
  misconfigured: 4,
  failed: 5,
};

/**
 * Merges `perSubscription` (one list of `count` results per subscription) into one
 * result per event: the one that ran, or the most severe of those that ran with each
 * listed in `results`, or else the most telling of `unmatched` and `skipped`.
 */
export function combineResults(
  perSubscription: EventResult[][],
  count: number,
): EventResult[] {
  const combined: EventResult[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const ran: EventResult[] = [];
    let quiet: EventResult | undefined;
    for (const results of perSubscription) {
      const result = results[i];
      if (result.status === "unmatched" || result.status === "skipped") {
        if (
          quiet === undefined ||
          SEVERITY[result.status] > SEVERITY[quiet.status]
        ) quiet = result;
      } else {
        ran.push(result);
      }
    }
    if (ran.length === 0) combined[i] = quiet!;
    else if (ran.length === 1) combined[i] = ran[0];
    else combined[i] = merge(ran);
  }
  return combined;
}

function merge(ran: EventResult[]): EventResult {
  let worst = ran[0];
  for (const result of ran) {
    if (SEVERITY[result.status] > SEVERITY[worst.status]) worst = result;
  }
  const merged: EventResult = {
    status: worst.status,
    warnings: ran.flatMap((result) => result.warnings),
    results: ran,
  };
  if (worst.error !== undefined) merged.error = worst.error;
  return merged;
}
