/**
 * `@destkit/browser`: run device-mode destinations inside Segment's
 * analytics.js (`@segment/analytics-next`). `browserDestination(definition)`
 * returns a plugin factory; `initialize` loads the partner SDK from its CDN
 * with `deps.loadScript` and waits for it with `deps.resolveWhen`. Bundle
 * destinations with `deno task bundle` (see `browser/README.md`).
 *
 * ```ts
 * import { resolveWhen } from "@destkit/browser";
 *
 * const sdk = { ready: true };
 * await resolveWhen(() => sdk.ready, { timeout: 100 });
 * ```
 *
 * @module
 */

export { browserDestination } from "./browser_destination.ts";
export type { BrowserDestinationOptions } from "./browser_destination.ts";
export {
  defineBrowserAction,
  defineBrowserDestination,
} from "./define_browser_destination.ts";
export type { DefineBrowserActionFor } from "./define_browser_destination.ts";
export { defineFields } from "../core/fields/define_fields.ts";
export type { InferFields, InputFields } from "../core/fields/mod.ts";
export { loadScript } from "./load_script.ts";
export type { LoadScriptOptions } from "./load_script.ts";
export { resolveWhen } from "./resolve_when.ts";
export type { ResolveWhenOptions } from "./resolve_when.ts";
export type {
  CompiledMapping,
  MappingCompiler,
} from "./_compile_subscriptions.ts";
export type {
  BrowserActionDefinition,
  BrowserActionInput,
  BrowserAnalytics,
  BrowserContext,
  BrowserDestinationDefinition,
  BrowserDestinationDependencies,
  BrowserEvent,
  BrowserLogLevel,
  BrowserPlugin,
  BrowserPluginFactory,
  BrowserPreset,
  BrowserSettingsInput,
  BrowserSubscription,
  BundleBudget,
  InitializeInput,
} from "./types.ts";
