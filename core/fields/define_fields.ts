import type { InputFields } from "./input_field.ts";

/**
 * Declares a set of fields and returns it as-is, keeping its literal types
 * (`required: true`, `choices`) so that {@linkcode InferFields} can type the
 * payload or settings it produces. Use it for settings shared by a
 * destination and actions in their own files.
 *
 * @example
 * ```ts
 * import { defineFields, type InferFields } from "@destkit/core";
 *
 * export const settings = defineFields({
 *   apiKey: { label: "API key", type: "password", required: true },
 *   region: { label: "Region", type: "string", choices: ["us", "eu"] },
 * });
 * export type Settings = InferFields<typeof settings>;
 *
 * const settingsValue: Settings = { apiKey: "k", region: "eu" };
 * // @ts-expect-error "mars" is not a region
 * const region: Settings["region"] = "mars";
 * ```
 */
export function defineFields<const F extends InputFields>(fields: F): F {
  return fields;
}
