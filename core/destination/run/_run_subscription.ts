// One event through one subscription of the settings, and what a subscription that cannot run gives.
import { errorResult, plainResult, toResultError } from "./_outcome.ts";
import type { RunContext } from "./_context.ts";
import { runEvent } from "./_run_event.ts";
import type { CompiledSubscription } from "../compile/_subscriptions.ts";
import type { EventResult } from "../result.ts";

/** Runs `event` through `subscription`; never rejects. */
export function runSubscription(
  context: RunContext,
  subscription: CompiledSubscription,
  event: unknown,
): EventResult | Promise<EventResult> {
  if (subscription.status !== "ready") return idleResult(subscription)!;
  return runEvent(context, subscription.route, event);
}

/** Runs `event` through every subscription at once; one result per subscription, in order. */
export async function runSubscriptions(
  context: RunContext,
  subscriptions: readonly CompiledSubscription[],
  event: unknown,
): Promise<EventResult[]> {
  if (subscriptions.length === 1) {
    return [await runSubscription(context, subscriptions[0], event)];
  }
  return await Promise.all(
    subscriptions.map((subscription) =>
      runSubscription(context, subscription, event)
    ),
  );
}

/** Runs `event` again through the subscriptions at `indices`, one after the other. */
export async function rerunSubscriptions(
  context: RunContext,
  subscriptions: readonly CompiledSubscription[],
  indices: readonly number[],
  event: unknown,
): Promise<EventResult[]> {
  const results: EventResult[] = [];
  for (const i of indices) {
    results.push(await runSubscription(context, subscriptions[i], event));
  }
  return results;
}

/** Returns the result of a subscription that does not run (`skipped` when disabled, its error when broken), else undefined. */
export function idleResult(
  subscription: CompiledSubscription,
): EventResult | undefined {
  switch (subscription.status) {
    case "disabled":
      return plainResult(
        "skipped",
        actionNameOf(subscription),
        subscription.name,
      );
    case "broken":
      return errorResult(
        toResultError(subscription.error),
        actionNameOf(subscription),
        subscription.name,
      );
  }
  return undefined;
}

/** Returns the name of the action a subscription goes to, as its results show it. */
export function actionNameOf(
  subscription: CompiledSubscription,
): string | undefined {
  return subscription.action?.name ?? (subscription.partnerAction || undefined);
}
