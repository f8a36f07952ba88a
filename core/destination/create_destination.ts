import type { InferFields, InputFields } from "../fields/mod.ts";
import { Destination } from "./destination.ts";
import type { DestinationOptions } from "./destination_options.ts";
import type { DestinationDefinition } from "./types.ts";

/**
 * Checks a destination definition once (fields, default mappings, queries, presets) and
 * returns a {@linkcode Destination} that runs events: `onEvent`, `onBatch`,
 * `executeAction`, `testAuthentication`, `refreshAccessToken`, `onDelete`.
 *
 * @throws {TypeError} when the definition is malformed, naming the action, field or preset.
 * @throws {RangeError} when an option is out of range.
 *
 * @example
 * ```ts
 * import { createDestination, defineDestination } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const definition = defineDestination({
 *   name: "Acme",
 *   mode: "cloud",
 *   authentication: {
 *     scheme: "custom",
 *     fields: { apiKey: { label: "API key", type: "string", required: true } },
 *   },
 *   extendRequest: ({ settings }) => ({ headers: { authorization: `Bearer ${settings.apiKey}` } }),
 *   actions: {
 *     track: {
 *       title: "Track",
 *       defaultSubscription: 'type = "track"',
 *       fields: { name: { label: "Name", type: "string", required: true, default: { "@path": "$.event" } } },
 *       perform: (request, { payload }) =>
 *         request("https://api.acme.test/track", { method: "post", json: { name: payload.name } }),
 *     },
 *   },
 * });
 * const sent: string[] = [];
 * const fetch = (url: string, init: RequestInit) => {
 *   sent.push(`${init.method} ${url} ${init.body}`);
 *   return Promise.resolve(Response.json({ ok: true }));
 * };
 * const destination = createDestination(definition, { fetch });
 * const settings = { apiKey: "k", subscriptions: destination.defaultSubscriptions() };
 *
 * const [result] = await destination.onEvent({ type: "track", event: "Signed Up" }, settings);
 * assert.equal(result.status, "delivered");
 * assert.deepEqual(sent, ['POST https://api.acme.test/track {"name":"Signed Up"}']);
 *
 * const [unmatched] = await destination.onEvent({ type: "identify" }, settings);
 * assert.equal(unmatched.status, "unmatched");
 * ```
 */
export function createDestination<
  const A extends InputFields = Record<never, never>,
  const Acts extends Record<string, InputFields> = Record<never, never>,
>(
  definition: DestinationDefinition<A, Acts>,
  options?: DestinationOptions,
): Destination<SettingsFor<A>> {
  return new Destination<SettingsFor<A>>(
    definition as unknown as DestinationDefinition,
    options,
  );
}

/** The settings type of authentication fields `A`; any object when `A` is not known literally. */
export type SettingsFor<A> = string extends keyof A ? Record<string, unknown>
  : InferFields<A>;
