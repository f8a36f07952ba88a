// The results of a call whose settings were rejected.
import { errorResult } from "../run/_outcome.ts";
import { actionNameOf } from "../run/_run_subscription.ts";
import type { CompiledSubscription } from "../compile/_subscriptions.ts";
import type { EventResult, ResultError } from "../result.ts";

/**
 * Returns `count` results failed with `error`: for one event, one per subscription;
 * for a batch through one subscription, named after it; otherwise unnamed.
 */
export function settingsFailures(
  error: ResultError,
  subscriptions: readonly CompiledSubscription[],
  count: number,
): EventResult[] {
  if (count === 1 && subscriptions.length > 0) {
    return subscriptions.map((subscription) =>
      errorResult(error, actionNameOf(subscription), subscription.name)
    );
  }
  const only = subscriptions.length === 1 ? subscriptions[0] : undefined;
  const action = only === undefined ? undefined : actionNameOf(only);
  return Array.from(
    { length: count },
    () => errorResult(error, action, only?.name),
  );
}
