// The cloud runtime's side of subscriptions: the ones a new instance starts with (its presets,
// or its actions' defaults), and their compiled form (actions of the compiled definition,
// queries with full syntax errors, mappings compiled once per object).
import { ErrorCodes, IntegrationError } from "../../errors.ts";
import { compileFql } from "../../fql/mod.ts";
import { compileMapping } from "../../mapping/mod.ts";
import type {
  CompiledAction,
  CompiledDestination,
  CompiledMapping,
} from "./_compile_definition.ts";
import {
  type CompiledSubscription as SharedSubscription,
  compileSubscription as compileShared,
  type ReadySubscription,
} from "../../subscription/compile_subscription.ts";
import { messageOf, toResultError } from "../run/_outcome.ts";
import type { Route } from "../run/_run_event.ts";
import type { MappingBudgets } from "../destination_options.ts";
import type { ResultError } from "../result.ts";
import type { Subscription } from "../types.ts";

/** A subscription of the settings: ready (with where its events go), broken or disabled. */
export type CompiledSubscription =
  | Exclude<
    SharedSubscription<CompiledAction, CompiledMapping>,
    { status: "ready" }
  >
  | (ReadySubscription<CompiledAction, CompiledMapping> & { route: Route });

/** Compiles mappings once per mapping object. */
export class MappingCache {
  readonly #compiled = new WeakMap<object, CompiledMapping | ResultError>();
  readonly #budgets: MappingBudgets;

  /** @throws {RangeError} when a budget is not a positive whole number. */
  constructor(budgets: MappingBudgets = {}) {
    this.#budgets = { ...budgets };
    compileMapping({}, this.#budgets); // checks the budgets once, not per mapping
  }

  /** Returns the compiled mapping, or why it does not compile. */
  get(
    mapping: Readonly<Record<string, unknown>>,
  ): CompiledMapping | ResultError {
    let compiled = this.#compiled.get(mapping);
    if (compiled === undefined) {
      try {
        compiled = compileMapping(mapping, this.#budgets);
      } catch (error) {
        compiled = toResultError(
          new IntegrationError(
            `Invalid mapping: ${messageOf(error)}`,
            ErrorCodes.PAYLOAD_VALIDATION_FAILED,
            400,
            { retryable: false, cause: error },
          ),
        );
      }
      this.#compiled.set(mapping, compiled);
    }
    return compiled;
  }
}

/** Returns whether `value` is a compiled mapping rather than an error. */
export function isCompiledMapping(
  value: CompiledMapping | ResultError,
): value is CompiledMapping {
  return typeof (value as CompiledMapping).resolve === "function";
}

/** Compiles one subscription of the settings. */
export function compileSubscription(
  destination: CompiledDestination,
  mappings: MappingCache,
  subscription: unknown,
  index: number,
): CompiledSubscription {
  const compiled = compileShared(subscription, index, {
    destination: destination.name,
    findAction: (key) => destination.actions.get(key),
    compileQuery: compileFql,
    compileMapping(source) {
      const mapping = mappings.get(source);
      if (!isCompiledMapping(mapping)) throw new Error(mapping.message);
      return mapping;
    },
  });
  if (compiled.status !== "ready") return compiled;
  const { action, mapping, mappingSource, match, name } = compiled;
  const route: Route = { action, mapping, mappingSource, match };
  if (name !== undefined) route.subscription = name;
  return { ...compiled, route };
}

/** Returns the presets (both kinds) as subscriptions, each with a mapping of its own. */
export function presetSubscriptions(
  destination: CompiledDestination,
): Subscription[] {
  return destination.presets.map((preset) => ({
    ...preset,
    mapping: { ...preset.mapping },
  }));
}

/** Returns one subscription per visible action with a `defaultSubscription`, mapped by the field defaults. */
export function defaultSubscriptions(
  destination: CompiledDestination,
): Subscription[] {
  const subscriptions: Subscription[] = [];
  for (const action of destination.actions.values()) {
    if (action.defaultSubscription === undefined || action.hidden) continue;
    subscriptions.push({
      name: action.title,
      subscribe: action.defaultSubscription,
      partnerAction: action.name,
      mapping: { ...action.defaultMapping },
      enabled: true,
    });
  }
  return subscriptions;
}
