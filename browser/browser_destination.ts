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
import {
  compileSubscriptions,
  type MappingCompiler,
  readSubscriptions,
} from "./_compile_subscriptions.ts";
import { createActionPlugin, createInitializer } from "./_plugin.ts";
import type {
  BrowserDestinationDefinition,
  BrowserPlugin,
  BrowserPluginFactory,
  BrowserSettingsInput,
  LooseBrowserDestination,
} from "./types.ts";

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
 * that has an enabled subscription. The partner SDK is initialized once and
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
  definition: BrowserDestinationDefinition<A, C, Acts>,
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
        s.enabled && s.partnerAction === key
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
