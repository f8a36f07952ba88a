import type { InputFields } from "../core/fields/input_field.ts";
import type {
  DeviceActionDefinition,
  DeviceDestinationDefinition,
} from "../core/destination/device_types.ts";

/**
 * Declares a device-mode destination and returns it as-is: it exists so that
 * `settings`, the partner `client` (from what `initialize` returns) and each
 * action's `payload` are typed from the definition as written.
 *
 * @example
 * ```ts
 * import { defineBrowserDestination } from "@destkit/browser";
 *
 * export const destination = defineBrowserDestination({
 *   name: "Acme Web",
 *   slug: "acme-web",
 *   mode: "device",
 *   settings: { appId: { label: "App ID", type: "string", required: true } },
 *   initialize: ({ settings }) => ({ appId: settings.appId, track: (_name: string) => {} }),
 *   actions: {
 *     track: {
 *       title: "Track",
 *       platform: "web",
 *       fields: { name: { label: "Name", type: "string", required: true } },
 *       perform: (client, { payload }) => client.track(payload.name),
 *     },
 *   },
 * });
 * ```
 */
export function defineBrowserDestination<
  const A extends InputFields = Record<never, never>,
  C = unknown,
  const Acts extends Record<string, InputFields> = Record<never, never>,
>(
  definition: DeviceDestinationDefinition<A, C, Acts>,
): DeviceDestinationDefinition<A, C, Acts> {
  return definition;
}

/** Declares an action typed for settings `S` and client `C`: returned by `defineBrowserAction<S, C>()`. */
export type DefineBrowserActionFor<S, C> = <const F extends InputFields>(
  action: DeviceActionDefinition<S, C, F>,
) => DeviceActionDefinition<S, C, F>;

/**
 * Returns a function that declares an action of a device-mode destination
 * as-is, with `settings` typed as `S`, the client as `C` and `payload` from
 * the action's fields; for actions in files of their own.
 *
 * @example
 * ```ts
 * import { defineBrowserAction } from "@destkit/browser";
 *
 * type Settings = { appId: string };
 * type Client = { track(name: string): void };
 * export default defineBrowserAction<Settings, Client>()({
 *   title: "Track",
 *   platform: "web",
 *   defaultSubscription: 'type = "track"',
 *   fields: { name: { label: "Name", type: "string", required: true, default: { "@path": "$.event" } } },
 *   perform: (client, { payload }) => client.track(payload.name),
 * });
 * ```
 */
export function defineBrowserAction<S, C>(): DefineBrowserActionFor<S, C> {
  return returnAction;
}

function returnAction<T>(action: T): T {
  return action;
}
