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
  const { matched, indices, unmatched } = splitByMatch(events, (event, i) => {
    try {
      return route.match === undefined || route.match(event);
    } catch (cause) {
      results[i] = errorResult(toResultError(cause), action, name);
      return false;
    }
  });
  for (const i of unmatched) {
    results[i] ??= plainResult("unmatched", action, name);
  }
  if (matched.length === 0) return results;
  const sent = await runBatchWithRetry(refresher, context, route, matched);
  scatter(results, indices, sent);
  return results;
}

/** What {@linkcode splitByMatch} found: the matching events, their indices, the others' indices. */
export interface BatchSplit<Event> {
  matched: Event[];
  indices: number[];
  unmatched: number[];
}

/**
 * Splits a batch by a subscription's query: the events `matches` accepts (to send, with
 * their indices, for {@linkcode scatter} to put their results back) and the indices of the others.
 */
export function splitByMatch<Event>(
  events: readonly Event[],
  matches: (event: Event, index: number) => boolean,
): BatchSplit<Event> {
  const split: BatchSplit<Event> = { matched: [], indices: [], unmatched: [] };
  for (let i = 0; i < events.length; i++) {
    if (matches(events[i], i)) {
      split.matched.push(events[i]);
      split.indices.push(i);
    } else split.unmatched.push(i);
  }
  return split;
}
