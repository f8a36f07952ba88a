import type { InputFields } from "../fields/input_field.ts";
import type { ActionDefinition } from "./types.ts";

/** Declares an action typed for settings `S`: returned by `defineAction<Settings>()`. */
export type DefineActionFor<S> = <const F extends InputFields>(
  action: ActionDefinition<S, F>,
) => ActionDefinition<S, F>;

/**
 * Declares an action and returns it as-is, so that `payload` is typed from
 * its fields. In a file of its own, call `defineAction<Settings>()` first to
 * type `settings` too.
 *
 * @example
 * ```ts
 * import { defineAction } from "@destkit/core";
 *
 * type Settings = { apiKey: string };
 * export default defineAction<Settings>()({
 *   title: "Track",
 *   description: "Send an event",
 *   fields: { name: { label: "Name", type: "string", required: true } },
 *   perform: (request, { settings, payload }) =>
 *     request("https://api.acme.test/track", {
 *       method: "post",
 *       headers: { authorization: `Bearer ${settings.apiKey}` },
 *       json: { name: payload.name },
 *     }),
 * });
 * ```
 */
export function defineAction<S>(): DefineActionFor<S>;
export function defineAction<const F extends InputFields>(
  action: ActionDefinition<Record<string, unknown>, F>,
): ActionDefinition<Record<string, unknown>, F>;
export function defineAction(action?: unknown): unknown {
  return action === undefined ? returnAction : action;
}

function returnAction<T>(action: T): T {
  return action;
}
