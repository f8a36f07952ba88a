import type { InputFields } from "../core/fields/input_field.ts";
import type { InferFields } from "../core/fields/infer.ts";
import type { CompileFieldChecksOptions } from "../core/fields/compile_field_checks.ts";
import type { LoadScriptOptions } from "./load_script.ts";
import type { ResolveWhenOptions } from "./resolve_when.ts";

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

/** What `initialize` gets besides its settings: script loading and polling. */
export interface BrowserDestinationDependencies {
  /** Loads a script once per URL; see {@linkcode loadScript}. */
  loadScript(
    src: string,
    options?: LoadScriptOptions,
  ): Promise<HTMLScriptElement>;
  /** Waits until `condition()` holds; see {@linkcode resolveWhen}. */
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
export interface BrowserActionInput<S, P> {
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

/** An action of a device-mode destination: typed fields and a `perform` given the partner client. */
export interface BrowserActionDefinition<
  S,
  C,
  F extends InputFields = InputFields,
> {
  /** The name users see. */
  title: string;
  /** What the action does; supports markdown. */
  description?: string;
  /** Where the action runs. */
  platform: "web";
  /** The subscription query a new subscription starts with. */
  defaultSubscription?: string;
  /** Hidden from the UI. */
  hidden?: boolean;
  /** The fields of the payload, keyed by payload key. */
  fields: F;
  /** Where in analytics.js's pipeline the action runs. @default {"destination"} */
  lifecycleHook?: "enrichment" | "destination";
  /**
   * Calls the partner SDK with one payload. (A method, so that an action
   * declared apart with its own client type fits any destination's.)
   */
  perform(client: C, data: BrowserActionInput<S, InferFields<F>>): unknown;
}

/** A subscription a new destination instance starts with. */
export interface BrowserPreset {
  name: string;
  subscribe: string;
  partnerAction: string;
  mapping?: Record<string, unknown>;
  type?: "automatic";
}

/** The size limits `deno task bundle` enforces for a destination. */
export interface BundleBudget {
  /** The largest gzipped size of each output file, in bytes. @default {12288} */
  gzip?: number;
}

/** A device-mode destination: settings, an `initialize` that loads the partner SDK, and actions. */
export interface BrowserDestinationDefinition<
  A extends InputFields = InputFields,
  C = unknown,
  Acts extends Record<string, InputFields> = Record<string, InputFields>,
> {
  /** The name users see; plugins are named `<name> <action>`. */
  name: string;
  /** A unique, URL-safe identifier such as `hubble-web`; names the bundle's folder. */
  slug: string;
  /** Where the destination runs. */
  mode: "device";
  /** What the destination is; supports markdown. */
  description?: string;
  /** The settings users fill in, keyed by settings key. */
  settings?: A;
  /** Loads and configures the partner SDK once; its result is every action's `client`. */
  initialize: (
    input: InitializeInput<InferFields<A>>,
    deps: BrowserDestinationDependencies,
  ) => Promise<C> | C;
  /** Subscriptions a new instance starts with. */
  presets?: readonly BrowserPreset[];
  /** The bundle size budget `deno task bundle` enforces. */
  budget?: BundleBudget;
  /** The actions, keyed by action name. */
  actions: {
    [K in keyof Acts]: BrowserActionDefinition<InferFields<A>, C, Acts[K]>;
  };
}

/** A configured subscription, as analytics.js hands it over in the destination's settings. */
export interface BrowserSubscription {
  name?: string;
  partnerAction: string;
  subscribe: string;
  /** The mapping; when absent, the defaults of the action's fields. */
  mapping?: Record<string, unknown>;
  /** Whether events go to the action; a subscription that is not enabled is skipped. */
  enabled: boolean;
}

/** The settings a plugin factory receives: the destination's settings and its subscriptions. */
export type BrowserSettingsInput = Record<string, unknown> & {
  subscriptions?: readonly BrowserSubscription[] | string;
};

/** A plugin for analytics.js (compatible with analytics-next's `Plugin`). */
export interface BrowserPlugin {
  name: string;
  type: "enrichment" | "destination";
  version: string;
  isLoaded(): boolean;
  ready(): Promise<unknown>;
  load<Ctx extends BrowserContext>(
    ctx: Ctx,
    analytics: BrowserAnalytics,
  ): Promise<unknown>;
  track<Ctx extends BrowserContext>(ctx: Ctx): Promise<Ctx>;
  page<Ctx extends BrowserContext>(ctx: Ctx): Promise<Ctx>;
  identify<Ctx extends BrowserContext>(ctx: Ctx): Promise<Ctx>;
  group<Ctx extends BrowserContext>(ctx: Ctx): Promise<Ctx>;
  alias<Ctx extends BrowserContext>(ctx: Ctx): Promise<Ctx>;
}

/** What `browserDestination` returns: an analytics.js plugin factory (a `PluginFactory`). */
export interface BrowserPluginFactory<
  A extends InputFields = InputFields,
  C = unknown,
  Acts extends Record<string, InputFields> = Record<string, InputFields>,
> {
  (settings: BrowserSettingsInput): Promise<BrowserPlugin[]>;
  /** The name analytics.js matches against a remote plugin's `name`. */
  pluginName: string;
  /** The definition the factory was made from. */
  definition: BrowserDestinationDefinition<A, C, Acts>;
  /** The same factory, its validators built with these field checks (what a bundle's entry passes). */
  withFieldChecks(
    fieldChecks: CompileFieldChecksOptions,
  ): BrowserPluginFactory<A, C, Acts>;
}

/** A definition with its types erased, as the runtime walks it. */
export interface LooseBrowserDestination {
  name: string;
  settings?: InputFields;
  initialize(
    input: InitializeInput<unknown>,
    deps: BrowserDestinationDependencies,
  ): unknown;
  actions: Record<string, LooseBrowserAction>;
}

/** An action with its types erased, as the runtime runs it. */
export interface LooseBrowserAction {
  fields: InputFields;
  lifecycleHook?: "enrichment" | "destination";
  perform(client: unknown, data: BrowserActionInput<unknown, unknown>): unknown;
}
