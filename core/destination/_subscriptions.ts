// Subscriptions compiled once per subscription object: the query, the mapping, the action.
import { ErrorCodes, IntegrationError } from "../errors.ts";
import { compileFql, type FqlMatcher } from "../fql/mod.ts";
import { compileMapping } from "../mapping/mod.ts";
import type {
  CompiledAction,
  CompiledDestination,
  CompiledMapping,
} from "./_compile_definition.ts";
import { messageOf, toResultError } from "./_outcome.ts";
import type { Route } from "./_run_event.ts";
import type { ResultError } from "./result.ts";

/** A subscription ready to run, or the reason it cannot. */
export interface CompiledSubscription {
  name?: string;
  partnerAction: string;
  enabled: boolean;
  action?: CompiledAction;
  match?: FqlMatcher;
  mapping?: CompiledMapping;
  mappingSource: Readonly<Record<string, unknown>>;
  /** Why the subscription cannot run (unknown action, bad query, bad mapping). */
  error?: ResultError;
  /** Where matching events go, when the subscription can run. */
  route?: Route;
}

/** Compiles mappings once per mapping object. */
export class MappingCache {
  readonly #compiled = new WeakMap<object, CompiledMapping | ResultError>();

  /** Returns the compiled mapping, or why it does not compile. */
  get(
    mapping: Readonly<Record<string, unknown>>,
  ): CompiledMapping | ResultError {
    let compiled = this.#compiled.get(mapping);
    if (compiled === undefined) {
      try {
        compiled = compileMapping(mapping);
      } catch (error) {
        compiled = invalid(`Invalid mapping: ${messageOf(error)}`, error);
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
  if (typeof subscription !== "object" || subscription === null) {
    return {
      partnerAction: "",
      enabled: true,
      mappingSource: {},
      error: invalid(`Invalid subscription ${index}: expected an object`),
    };
  }
  const { name, subscribe, partnerAction, mapping, enabled } =
    subscription as Record<string, unknown>;
  const compiled: CompiledSubscription = {
    partnerAction: typeof partnerAction === "string" ? partnerAction : "",
    enabled: enabled !== false,
    mappingSource: isObject(mapping) ? mapping : {},
  };
  if (typeof name === "string") compiled.name = name;
  const label = typeof name === "string" ? JSON.stringify(name) : String(index);
  const action = destination.actions.get(compiled.partnerAction);
  if (action === undefined) {
    compiled.error = toResultError(
      new IntegrationError(
        `Cannot run subscription ${label}: destination "${destination.name}" has no action ${
          JSON.stringify(partnerAction ?? null)
        }`,
        ErrorCodes.UNKNOWN_ACTION,
        400,
        { retryable: false },
      ),
    );
    return compiled;
  }
  compiled.action = action;
  if (typeof subscribe !== "string" || subscribe.trim() === "") {
    compiled.error = invalid(
      `Cannot run subscription ${label}: it has no subscribe query`,
    );
    return compiled;
  }
  try {
    compiled.match = compileFql(subscribe);
  } catch (error) {
    compiled.error = invalid(
      `Cannot run subscription ${label}: ${messageOf(error)}`,
      error,
    );
    return compiled;
  }
  if (mapping !== undefined && mapping !== null && !isObject(mapping)) {
    compiled.error = invalid(
      `Cannot run subscription ${label}: its mapping is not an object`,
    );
    return compiled;
  }
  const compiledMapping = mappings.get(compiled.mappingSource);
  if (!isCompiledMapping(compiledMapping)) {
    compiled.error = {
      ...compiledMapping,
      message: `Cannot run subscription ${label}: ${compiledMapping.message}`,
    };
    return compiled;
  }
  compiled.mapping = compiledMapping;
  compiled.route = {
    action,
    mapping: compiledMapping,
    mappingSource: compiled.mappingSource,
    match: compiled.match,
  };
  if (compiled.name !== undefined) compiled.route.subscription = compiled.name;
  return compiled;
}

function invalid(message: string, cause?: unknown): ResultError {
  return toResultError(
    new IntegrationError(message, ErrorCodes.PAYLOAD_VALIDATION_FAILED, 400, {
      retryable: false,
      cause,
    }),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
