import type { InputFields } from "../fields/input_field.ts";
import type { DestinationDefinition } from "./types.ts";

/**
 * Declares a cloud-mode destination and returns it as-is: it exists so that
 * `settings` and each action's `payload` are typed from the fields as written.
 *
 * @example
 * ```ts
 * import { defineDestination } from "@destkit/core";
 *
 * export default defineDestination({
 *   name: "Acme",
 *   slug: "actions-acme",
 *   mode: "cloud",
 *   authentication: {
 *     scheme: "custom",
 *     fields: { apiKey: { label: "API key", type: "password", required: true } },
 *   },
 *   extendRequest: ({ settings }) => ({ headers: { authorization: `Bearer ${settings.apiKey}` } }),
 *   actions: {
 *     track: {
 *       title: "Track",
 *       description: "Send an event",
 *       defaultSubscription: 'type = "track"',
 *       fields: { name: { label: "Name", type: "string", required: true, default: { "@path": "$.event" } } },
 *       perform: (request, { payload }) =>
 *         request("https://api.acme.test/track", { method: "post", json: { name: payload.name } }),
 *     },
 *   },
 * });
 * ```
 */
export function defineDestination<
  const A extends InputFields = Record<never, never>,
  const Acts extends Record<string, InputFields> = Record<never, never>,
>(definition: DestinationDefinition<A, Acts>): DestinationDefinition<A, Acts> {
  return definition;
}
