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
export type {
  BrowserDestinationOptions,
  BrowserPlugin,
  BrowserPluginFactory,
  BrowserSettingsInput,
  MappingCompiler,
} from "./browser_destination.ts";
export {
  defineBrowserAction,
  defineBrowserDestination,
} from "./define_browser_destination.ts";
export type { DefineBrowserActionFor } from "./define_browser_destination.ts";
export { loadScript } from "./load_script.ts";
export { resolveWhen } from "./resolve_when.ts";
// What a device-mode destination's file imports besides the above, so that it needs one import.
export { defineFields } from "../core/fields/define_fields.ts";
export type { InferFields, InputFields } from "../core/fields/mod.ts";
export type {
  LoadScriptOptions,
  ResolveWhenOptions,
} from "../core/destination/mod.ts";
