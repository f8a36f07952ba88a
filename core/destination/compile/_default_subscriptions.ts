// The subscriptions a new instance of a destination starts with: its presets, or its actions' defaults.
import type { CompiledDestination } from "./_compile_definition.ts";
import type { Subscription } from "../types.ts";

/** Returns the presets (both kinds) as subscriptions, each with a mapping of its own. */
export function presetSubscriptions(
  destination: CompiledDestination,
): Subscription[] {
  return destination.presets.map((preset) => ({
    ...preset,
    mapping: { ...preset.mapping },
  }));
}

/** Returns one subscription per visible action with a `defaultSubscription`, mapped by the field defaults. */
export function defaultSubscriptions(
  destination: CompiledDestination,
): Subscription[] {
  const subscriptions: Subscription[] = [];
  for (const action of destination.actions.values()) {
    if (action.defaultSubscription === undefined || action.hidden) continue;
    subscriptions.push({
      name: action.title,
      subscribe: action.defaultSubscription,
      partnerAction: action.name,
      mapping: { ...action.defaultMapping },
      enabled: true,
    });
  }
  return subscriptions;
}
