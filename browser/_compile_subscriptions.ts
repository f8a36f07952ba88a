import { InvalidSettingsError } from "../core/errors.ts";
import {
  compileParts,
  type ReadySubscription,
} from "../core/subscription/compile_subscription.ts";
import { compileFqlQuery } from "../core/fql/compile_fql_query.ts";
import type { InputFields } from "../core/fields/input_field.ts";
import type { Subscription } from "../core/destination/types.ts";
import type { CompiledMapping } from "../core/mapping/compile_mapping.ts";
import type { MappingCompiler } from "./browser_destination.ts";

/** A subscription ready to run in the browser: its query and mapping compiled once. */
export type CompiledSubscription = ReadySubscription<
  InputFields,
  Pick<CompiledMapping, "resolve">
>;

/** Reads the subscriptions analytics.js hands over: an array, or the same as JSON text. */
export function readSubscriptions(
  destination: string,
  value: unknown,
): Subscription[] {
  if (value === undefined || value === null) return [];
  let list = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch (cause) {
      throw new InvalidSettingsError(
        `Cannot load destination "${destination}": settings.subscriptions is not valid JSON`,
        { cause },
      );
    }
  }
  if (!Array.isArray(list)) {
    throw new InvalidSettingsError(
      `Cannot load destination "${destination}": settings.subscriptions is not an array`,
    );
  }
  return list;
}

/**
 * Compiles the enabled subscriptions of one action with the cloud runtime's
 * subscription compiler. A subscription without a mapping uses the defaults
 * of the action's fields.
 *
 * @throws {InvalidSettingsError} naming the subscription whose query or mapping is invalid.
 */
export function compileSubscriptions(
  where: string,
  fields: InputFields,
  subscriptions: readonly Subscription[],
  compileMapping: MappingCompiler,
): CompiledSubscription[] {
  return subscriptions.map((subscription, index) => {
    const { name, partnerAction, subscribe, mapping } = subscription;
    const compiled = compileParts(
      {
        name,
        partnerAction,
        action: fields,
        mappingSource: mapping ?? defaultMapping(fields),
      },
      subscribe,
      index + 1,
      {
        compileQuery: compileFqlQuery,
        compileMapping,
      },
    );
    if (compiled.status === "broken") {
      throw new InvalidSettingsError(
        `Cannot load ${where}: ${compiled.error.message}`,
        { cause: compiled.error },
      );
    }
    return compiled;
  });
}

function defaultMapping(fields: InputFields): Record<string, unknown> {
  const mapping: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (field.default !== undefined) mapping[key] = field.default;
  }
  return mapping;
}
