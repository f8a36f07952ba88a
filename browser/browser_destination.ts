import { InvalidSettingsError } from "../core/errors.ts";
import { messageOf } from "./_message_of.ts";
import { allFieldChecks } from "../core/fields/all_field_checks.ts";
import {
  compileFieldChecks,
  type CompileFieldChecksOptions,
} from "../core/fields/compile_field_checks.ts";
import type { InputFields } from "../core/fields/input_field.ts";
import { compileMappingWith } from "../core/mapping/compile_mapping_with.ts";
import { standardDirectives } from "../core/mapping/directives/standard.ts";
import type { CompiledMapping } from "../core/mapping/compile_mapping.ts";
import type {
  BrowserAnalytics,
  BrowserContext,
  DeviceDestinationDefinition,
} from "../core/destination/device_types.ts";
import type { Subscription } from "../core/destination/types.ts";
import {
  compileSubscriptions,
  readSubscriptions,
} from "./_compile_subscriptions.ts";
import {
  createActionPlugin,
  createInitializer,
  type LooseBrowserDestination,
} from "./_plugin.ts";

/** Compiles a mapping once; the runtime's default carries no `@liquid`. */
export type MappingCompiler = (
  mapping: Record<string, unknown>,
) => Pick<CompiledMapping, "resolve">;

/** The settings a plugin factory receives: the destination's settings and its subscriptions. */
export type BrowserSettingsInput = Record<string, unknown> & {
  /** The subscriptions (an array, or the same as JSON text); one with `enabled: false` is skipped. */
  subscriptions?: readonly Subscription[] | string;
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
  definition: DeviceDestinationDefinition<A, C, Acts>;
  /** The same factory, its validators built with these field checks (what a bundle's entry passes). */
  withFieldChecks(
    fieldChecks: CompileFieldChecksOptions,
  ): BrowserPluginFactory<A, C, Acts>;
}

/** Options for {@linkcode browserDestination}. */
export interface BrowserDestinationOptions {
  /**
   * Compiles each subscription's mapping. The default knows every directive
   * but `@liquid`, so bundles carry no LiquidJS, and compiles without
   * Segment's static checks (an unknown directive still fails to compile,
   * other faults fail the event); pass core's `compileMapping` for both, or
   * `compileMappingWith` with a `validator` for the checks alone.
   * @default {(mapping) => compileMappingWith(mapping, standardDirectives)}
   */
  compileMapping?: MappingCompiler;
  /**
   * The field kinds, string formats and features the validators are built
   * with. `deno task bundle` passes only those the destination's fields use
   * (through the factory's `withFieldChecks`). @default {allFieldChecks}
   */
  fieldChecks?: CompileFieldChecksOptions;
}

// `deno task bundle` defines DESTKIT_BUNDLE and its entry passes the field checks the fields
// use (`withFieldChecks`): the full set is then left out of the bundle.
declare const DESTKIT_BUNDLE: boolean | undefined;
const DEFAULT_FIELD_CHECKS = typeof DESTKIT_BUNDLE === "boolean"
  ? undefined
  : allFieldChecks;

/**
 * Turns a device-mode destination into an analytics.js plugin factory: given
 * the settings (with their `subscriptions`), it returns one plugin per action
 * that has a subscription not switched off (`enabled: false`). The partner SDK is initialized once and
 * shared; each event is matched against every subscription query (compiled
 * once), mapped, validated against the action's fields, and handed to
 * `perform`. A failing action rejects its plugin hook, which analytics.js logs
 * on the event's context without touching other destinations.
 *
 * @throws {InvalidSettingsError} (from the factory) when settings or a subscription are invalid.
 * @example
 * ```ts
 * import { browserDestination, defineBrowserDestination } from "@destkit/browser";
 * import assert from "node:assert/strict";
 *
 * const calls: unknown[] = [];
 * const factory = browserDestination(defineBrowserDestination({
 *   name: "Acme",
 *   slug: "acme-web",
 *   mode: "device",
 *   settings: { appId: { label: "App ID", type: "string", required: true } },
 *   initialize: () => ({ track: (name: string) => calls.push(name) }),
 *   actions: {
 *     track: {
 *       title: "Track",
 *       platform: "web",
 *       defaultSubscription: 'type = "track"',
 *       fields: { name: { label: "Name", type: "string", required: true, default: { "@path": "$.event" } } },
 *       perform: (client, { payload }) => client.track(payload.name),
 *     },
 *   },
 * }));
 * const [plugin] = await factory({
 *   appId: "a1",
 *   subscriptions: [{ partnerAction: "track", subscribe: 'type = "track"', enabled: true }],
 * });
 * const analytics = { user: () => ({ id: () => null, anonymousId: () => null, traits: () => ({}) }) };
 * const context = { event: { type: "track", event: "Signed Up" }, log: () => {} };
 * await plugin.load(context, analytics);
 * await plugin.track(context);
 * assert.deepEqual(calls, ["Signed Up"]);
 * ```
 */
export function browserDestination<
  const A extends InputFields,
  C,
  const Acts extends Record<string, InputFields>,
>(
  definition: DeviceDestinationDefinition<A, C, Acts>,
  options: BrowserDestinationOptions = {},
): BrowserPluginFactory<A, C, Acts> {
  const {
    compileMapping = (mapping) =>
      compileMappingWith(mapping, standardDirectives),
    fieldChecks = DEFAULT_FIELD_CHECKS,
  } = options;
  const where = `destination "${definition.name}"`;
  const loose = definition as unknown as LooseBrowserDestination;
  // In a bundle, none until its entry passes the field checks (`withFieldChecks`).
  const validators = fieldChecks && {
    settings: compileFieldChecks(definition.settings ?? {}, fieldChecks),
    actions: Object.entries(loose.actions).map(([key, action]) => ({
      key,
      action,
      validator: compileFieldChecks(action.fields, fieldChecks),
    })),
  };

  function createPlugins(input: BrowserSettingsInput): BrowserPlugin[] {
    // Without validators (a bundle's factory before `withFieldChecks`) this throws, and the
    // factory rejects.
    const { settings: settingsValidator, actions } = validators!;
    const { subscriptions: rawSubscriptions, ...rawSettings } = input ?? {};
    const subscriptions = readSubscriptions(definition.name, rawSubscriptions);
    let settings: Record<string, unknown>;
    try {
      settings = settingsValidator.validate(rawSettings).payload as Record<
        string,
        unknown
      >;
    } catch (cause) {
      throw new InvalidSettingsError(
        `Cannot load ${where}: ${messageOf(cause)}`,
        {
          cause,
        },
      );
    }
    const initializer = createInitializer(loose, settings);
    const plugins: BrowserPlugin[] = [];
    for (const { key, action, validator } of actions) {
      const enabled = subscriptions.filter((s) =>
        s.partnerAction === key && s.enabled !== false
      );
      if (enabled.length === 0) continue;
      const compiled = compileSubscriptions(
        `${where} action "${key}"`,
        action.fields,
        enabled,
        compileMapping,
      );
      plugins.push(createActionPlugin({
        name: `${definition.name} ${key}`,
        action,
        validator,
        subscriptions: compiled,
        settings,
        initializer,
      }));
    }
    return plugins;
  }

  // Promise-returning, so that analytics.js gets a rejection, never a throw.
  function factory(input: BrowserSettingsInput): Promise<BrowserPlugin[]> {
    return new Promise((resolve) => resolve(createPlugins(input)));
  }

  factory.pluginName = definition.name;
  factory.definition = definition;
  factory.withFieldChecks = (checks: CompileFieldChecksOptions) =>
    browserDestination(definition, { ...options, fieldChecks: checks });
  return factory;
}
