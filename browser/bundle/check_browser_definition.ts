import { checkFieldDefinitions } from "../../core/fields/check_field_definitions.ts";
import type { InputFields } from "../../core/fields/input_field.ts";

/** The parts of a device-mode definition whose fields are checked. */
export interface CheckedBrowserDefinition {
  name?: unknown;
  settings?: InputFields;
  actions?: Record<string, { fields?: InputFields }>;
}

/**
 * Checks the settings and every action's fields of a device-mode destination,
 * at build time: bundles validate payloads without zod or definition checks,
 * so a definition mistake must fail `deno task bundle` instead.
 *
 * @throws {TypeError} When a field definition is wrong, naming the destination, action and field.
 * @throws {RangeError} When a field's limits or format are out of range.
 */
export function checkBrowserDefinition(
  definition: CheckedBrowserDefinition,
): void {
  const where = `destination "${String(definition.name)}"`;
  checkFieldDefinitions(definition.settings ?? {}, `${where} settings`);
  for (const [key, action] of Object.entries(definition.actions ?? {})) {
    checkFieldDefinitions(action.fields ?? {}, `${where} action "${key}"`);
  }
}
