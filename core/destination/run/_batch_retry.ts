// A batch through one route; with OAuth2, the items that failed with 401 are sent again once.
import type { RunContext } from "./_context.ts";
import type { TokenRefresher } from "../auth/_oauth_refresh.ts";
import { runBatch } from "./_run_batch.ts";
import type { Route } from "./_run_event.ts";
import type { EventResult } from "../result.ts";

/**
 * Runs `events` (all already matched) through `route`; after 401s, refreshes the token
 * and sends those events again, in one batch. One result per event, in order; never rejects.
 */
export async function runBatchWithRetry(
  refresher: TokenRefresher,
  context: RunContext,
  route: Route,
  events: readonly object[],
): Promise<EventResult[]> {
  return await refresher.retryUnauthorized(
    context,
    (current, indices) =>
      runBatch(
        current,
        route,
        indices === undefined ? events : indices.map((index) => events[index]),
      ),
  );
}
