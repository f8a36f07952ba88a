// Device mode on the definition types of cloud mode: what a device-mode destination shares with
// a cloud one is picked from `DestinationDefinition` and `ActionDefinition`, so the two cannot drift.
import type { InputFields } from "../fields/input_field.ts";
import type { InferFields } from "../fields/infer.ts";
import type { ActionDefinition, DestinationDefinition } from "./types.ts";

/** An analytics.js event as plugins receive it (`ctx.event`). */
export interface BrowserEvent {
  type: string;
  event?: string;
  name?: string;
  userId?: string | null;
  anonymousId?: string | null;
  groupId?: string | null;
  previousId?: string | null;
  properties?: object;
  traits?: object;
  context?: object;
  timestamp?: unknown;
  messageId?: string;
}

/** The level of a line written with {@linkcode BrowserContext.log}. */
export type BrowserLogLevel = "debug" | "info" | "warn" | "error";

/**
 * The part of analytics.js's `Context` that the runtime and actions use: the
 * event and the per-event log where failures are reported.
 */
export interface BrowserContext {
  event: BrowserEvent;
  log(level: BrowserLogLevel, message: string, extras?: object): void;
}

/** The part of the analytics.js instance (`Analytics`) that actions commonly read. */
export interface BrowserAnalytics {
  user(): {
    id(): string | null | undefined;
    anonymousId(): string | null | undefined;
    traits(): object | undefined;
  };
}

/** Options for `loadScript` of `@destkit/browser`. */
export interface LoadScriptOptions {
  /** A Subresource Integrity hash; the script is then fetched with `crossorigin="anonymous"`. */
  integrity?: string;
  /** How long to wait for the script to load, in milliseconds. @default {10000} */
  timeout?: number;
  /** Extra attributes set on the `<script>` element. */
  attributes?: Readonly<Record<string, string>>;
}

/** Options for `resolveWhen` of `@destkit/browser`. */
export interface ResolveWhenOptions {
  /** How long to wait before rejecting, in milliseconds. @default {10000} */
  timeout?: number;
  /** How often to check the condition, in milliseconds. @default {25} */
  interval?: number;
}

/** What `initialize` gets besides its settings: script loading and polling. */
export interface DeviceDependencies {
  /** Loads a script once per URL (`loadScript` of `@destkit/browser`). */
  loadScript(
    src: string,
    options?: LoadScriptOptions,
  ): Promise<HTMLScriptElement>;
  /** Waits until `condition()` holds (`resolveWhen` of `@destkit/browser`). */
  resolveWhen(
    condition: () => unknown,
    options?: number | ResolveWhenOptions,
  ): Promise<void>;
}

/** The first argument of `initialize`. */
export interface InitializeInput<S> {
  settings: S;
  analytics: BrowserAnalytics;
}

/** The second argument of a device-mode action's `perform`. */
export interface DeviceActionInput<S, P> {
  /** The destination's settings, typed from its `settings` fields. */
  settings: S;
  /** The mapped, validated payload, typed from the action's fields. */
  payload: P;
  /** The analytics.js instance. */
  analytics: BrowserAnalytics;
  /** The event's context: its event, and its log. */
  context: BrowserContext;
  /** The mapping that produced the payload. */
  mapping: Readonly<Record<string, unknown>>;
}

/**
 * An action of a device-mode destination: the members of a cloud action
 * (`title`, `description`, `defaultSubscription`, `hidden`, `fields`) with a
 * `perform` given the partner client.
 */
export interface DeviceActionDefinition<
  S,
  C,
  F extends InputFields = InputFields,
> extends
  Pick<
    ActionDefinition<S, F>,
    "title" | "description" | "defaultSubscription" | "hidden" | "fields"
  > {
  /** Where the action runs. */
  platform: "web";
  /** Where in analytics.js's pipeline the action runs. @default {"destination"} */
  lifecycleHook?: "enrichment" | "destination";
  /**
   * Calls the partner SDK with one payload. (A method, so that an action
   * declared apart with its own client type fits any destination's.)
   */
  perform(client: C, data: DeviceActionInput<S, InferFields<F>>): unknown;
}

/** The size limits `deno task bundle` enforces for a destination. */
export interface BundleBudget {
  /** The largest gzipped size of each output file, in bytes. @default {12288} */
  gzip?: number;
}

/**
 * A device-mode destination (`mode: "device"`): the members of a cloud
 * destination (`name`, `description`, `presets`) with `settings` in place of
 * `authentication`, an `initialize` that loads the partner SDK, and actions
 * given its client.
 */
export interface DeviceDestinationDefinition<
  A extends InputFields = InputFields,
  C = unknown,
  Acts extends Record<string, InputFields> = Record<string, InputFields>,
> extends
  Pick<DestinationDefinition<A, Acts>, "name" | "description" | "presets"> {
  /** A unique, URL-safe identifier such as `hubble-web`; names the bundle's folder. */
  slug: string;
  /** Where the destination runs. */
  mode: "device";
  /** The settings users fill in, keyed by settings key. */
  settings?: A;
  /** Loads and configures the partner SDK once; its result is every action's `client`. */
  initialize: (
    input: InitializeInput<InferFields<A>>,
    deps: DeviceDependencies,
  ) => Promise<C> | C;
  /** The bundle size budget `deno task bundle` enforces. */
  budget?: BundleBudget;
  /** The actions, keyed by action name. */
  actions: {
    [K in keyof Acts]: DeviceActionDefinition<InferFields<A>, C, Acts[K]>;
  };
}
