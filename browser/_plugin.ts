import { loadScript } from "./load_script.ts";
import { resolveWhen } from "./resolve_when.ts";
import type { CompiledSubscription } from "./_compile_subscriptions.ts";
import type {
  BrowserAnalytics,
  BrowserContext,
  DeviceActionInput,
  DeviceDependencies,
  InitializeInput,
} from "../core/destination/device_types.ts";
import type { InputFields } from "../core/fields/input_field.ts";
import type { BrowserPlugin } from "./browser_destination.ts";

/** A definition with its types erased, as the runtime walks it. */
export interface LooseBrowserDestination {
  name: string;
  settings?: InputFields;
  initialize(
    input: InitializeInput<unknown>,
    deps: DeviceDependencies,
  ): unknown;
  actions: Record<string, LooseBrowserAction>;
}

/** An action with its types erased, as the runtime runs it. */
export interface LooseBrowserAction {
  fields: InputFields;
  lifecycleHook?: "enrichment" | "destination";
  perform(client: unknown, data: DeviceActionInput<unknown, unknown>): unknown;
}

/** Runs a destination's `initialize` once, however many plugins ask. */
export interface Initializer {
  load(analytics: BrowserAnalytics): Promise<unknown>;
  ready(): Promise<unknown>;
  isLoaded(): boolean;
  analytics(): BrowserAnalytics;
}

interface FieldsValidator {
  validate(
    payload: unknown,
  ): { payload: unknown; warnings: readonly unknown[] };
}

const deps = { loadScript, resolveWhen };

/** Returns the shared initializer of one factory call. */
export function createInitializer(
  definition: LooseBrowserDestination,
  settings: Record<string, unknown>,
): Initializer {
  let started = false;
  let loaded = false;
  let host: BrowserAnalytics | undefined;
  let resolveClient!: (client: unknown) => void;
  let rejectClient!: (error: unknown) => void;
  const client = new Promise<unknown>((resolve, reject) => {
    resolveClient = resolve;
    rejectClient = reject;
  });
  // Whoever awaits `client` sees a failure; an unawaited one must not reach the page's console.
  client.catch(() => {});

  return {
    load(analytics) {
      if (!started) {
        started = true;
        host = analytics;
        new Promise((resolve) =>
          resolve(definition.initialize({ settings, analytics }, deps))
        )
          .then((value) => {
            loaded = true;
            resolveClient(value);
          }, rejectClient);
      }
      return client;
    },
    ready: () => client,
    isLoaded: () => loaded,
    analytics() {
      if (host === undefined) {
        throw new Error(
          `Cannot run destination "${definition.name}": it was not loaded`,
        );
      }
      return host;
    },
  };
}

/** What {@linkcode createActionPlugin} needs. */
export interface ActionPluginInput {
  name: string;
  action: LooseBrowserAction;
  validator: FieldsValidator;
  subscriptions: readonly CompiledSubscription[];
  settings: Record<string, unknown>;
  initializer: Initializer;
}

/** Returns the analytics.js plugin of one action. */
export function createActionPlugin(input: ActionPluginInput): BrowserPlugin {
  const { name, action, validator, subscriptions, settings, initializer } =
    input;

  function run(
    client: unknown,
    context: BrowserContext,
    subscription: CompiledSubscription,
  ): unknown {
    const mapped = subscription.mapping.resolve(context.event);
    const { payload, warnings } = validator.validate(mapped);
    if (warnings.length > 0) {
      context.log(
        "warn",
        `Adjusted the payload of ${name}: ${warnings.length} value(s) removed or coerced`,
        {
          subscription: subscription.name,
          warnings,
        },
      );
    }
    return action.perform(client, {
      settings,
      payload,
      analytics: initializer.analytics(),
      context,
      mapping: subscription.mappingSource,
    });
  }

  async function evaluate<Ctx extends BrowserContext>(
    context: Ctx,
  ): Promise<Ctx> {
    let pending: unknown[] | undefined;
    for (const subscription of subscriptions) {
      if (!subscription.match(context.event)) continue;
      const client = await initializer.ready();
      pending ??= [];
      // Each subscription fails alone: one bad payload does not stop the others.
      pending.push(
        new Promise((resolve) => resolve(run(client, context, subscription))),
      );
    }
    if (pending === undefined) return context;
    const errors: unknown[] = [];
    for (const outcome of await Promise.allSettled(pending)) {
      if (outcome.status === "rejected") errors.push(outcome.reason);
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      throw new AggregateError(
        errors,
        `Cannot run ${name}: ${errors.length} subscriptions failed`,
      );
    }
    return context;
  }

  return {
    name,
    type: action.lifecycleHook ?? "destination",
    version: "1.0.0",
    isLoaded: initializer.isLoaded,
    ready: initializer.ready,
    load: (_context, analytics) => initializer.load(analytics),
    track: evaluate,
    page: evaluate,
    identify: evaluate,
    group: evaluate,
    alias: evaluate,
  };
}
