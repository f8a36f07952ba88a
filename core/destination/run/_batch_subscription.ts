// A batch through one subscription of the settings: match each event, send the matching ones.
import { errorResult, plainResult, toResultError } from "./_outcome.ts";
import type { RunContext } from "./_context.ts";
import { runBatchWithRetry } from "./_batch_retry.ts";
import { scatter, type TokenRefresher } from "../auth/_oauth_refresh.ts";
import { actionNameOf, idleResult } from "./_run_subscription.ts";
import type { CompiledSubscription } from "../compile/_subscriptions.ts";
import type { EventResult } from "../result.ts";

/** Runs `events` through `subscription`; one result per event, in order; never rejects. */
export async function batchSubscription(
  refresher: TokenRefresher,
  context: RunContext,
  subscription: CompiledSubscription,
  events: readonly object[],
): Promise<EventResult[]> {
  if (subscription.status !== "ready") {
    const idle = idleResult(subscription)!;
    return events.map(() => ({ ...idle }));
  }
  const { route } = subscription;
  const action = actionNameOf(subscription);
  const { name } = subscription;
  const results: EventResult[] = new Array(events.length);
  const matched: object[] = [];
  const indices: number[] = [];
  for (let i = 0; i < events.length; i++) {
    let matches: boolean;
    try {
      matches = route.match === undefined || route.match(events[i]);
    } catch (cause) {
      results[i] = errorResult(toResultError(cause), action, name);
      continue;
    }
    if (matches) {
      matched.push(events[i]);
      indices.push(i);
    } else {
      results[i] = plainResult("unmatched", action, name);
    }
  }
  if (matched.length === 0) return results;
  const sent = await runBatchWithRetry(refresher, context, route, matched);
  scatter(results, indices, sent);
  return results;
}
