import { IntegrationError } from "../errors.ts";
import type { FqlMatcher } from "../fql/compile_fql.ts";

/** What a compiled subscription keeps in every state. */
export interface SubscriptionParts<Action> {
  /** The subscription's `name`, when it has one. */
  name?: string;
  /** The key of the action it names (`""` when it names none). */
  partnerAction: string;
  /** The action it names, when the destination has it. */
  action?: Action;
  /** The mapping as written (`{}` when there is none). */
  mappingSource: Readonly<Record<string, unknown>>;
}

/** A subscription whose query and mapping compiled: matching events go to `action`. */
export interface ReadySubscription<Action, Mapping>
  extends SubscriptionParts<Action> {
  status: "ready";
  action: Action;
  match: FqlMatcher;
  mapping: Mapping;
}

/** A subscription that cannot run: no such action, or a broken query or mapping. */
export interface BrokenSubscription<Action> extends SubscriptionParts<Action> {
  status: "broken";
  /** Why: code `INVALID_SUBSCRIPTION` (or `UNKNOWN_ACTION`), naming the subscription. */
  error: IntegrationError;
}

/** A subscription switched off (`enabled: false`); nothing of it is compiled. */
export interface DisabledSubscription<Action>
  extends SubscriptionParts<Action> {
  status: "disabled";
}

/** One subscription of the settings, compiled once: ready, broken or disabled. */
export type CompiledSubscription<Action, Mapping> =
  | ReadySubscription<Action, Mapping>
  | BrokenSubscription<Action>
  | DisabledSubscription<Action>;

/** What {@linkcode compileSubscription} needs from the runtime that runs it. */
export interface CompileSubscriptionOptions<Action, Mapping> {
  /** The destination's name, for messages. */
  destination: string;
  /** Returns the action a subscription names, or `undefined`. */
  findAction(partnerAction: string): Action | undefined;
  /** Compiles a query; throws (an `FqlSyntaxError`) when it cannot. */
  compileQuery(query: string): FqlMatcher;
  /** Compiles a mapping for `action`; throws when it is invalid. */
  compileMapping(
    mapping: Readonly<Record<string, unknown>>,
    action: Action,
  ): Mapping;
  /** The mapping of a subscription without one. @default {() => ({})} */
  defaultMapping?(action: Action): Record<string, unknown>;
  /**
   * Which checks run before any event: `"native"` switches a subscription off with
   * `enabled: false` and finds it broken for an unknown action, no query (missing or
   * blank) or a mapping that is not an object; `"segment"` (Segment's runtime) ignores
   * `enabled` and finds it broken only for a missing (or empty, or not a string) query
   * or a query that does not compile, keeping the mapping as written (`mapping || {}`),
   * so `findAction` answers for every key and the rest is checked per event.
   * @default {"native"}
   */
  checks?: "native" | "segment";
}

/**
 * Compiles one subscription of the settings (`{ name, subscribe, partnerAction,
 * mapping, enabled }`), the same way for the cloud runtime and the browser.
 * It never throws: what cannot run comes back `broken`, with an error that
 * names the subscription (with `checks: "segment"`, a subscription that is not an
 * object throws, as in Segment's runtime).
 *
 * @example
 * ```ts
 * import { compileSubscription } from "./compile_subscription.ts";
 * import { compileFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const options = {
 *   destination: "Acme",
 *   findAction: (key: string) => (key === "track" ? { key } : undefined),
 *   compileQuery: compileFql,
 *   compileMapping: (mapping: object) => mapping,
 * };
 * const ready = compileSubscription(
 *   { subscribe: 'type = "track"', partnerAction: "track" },
 *   0,
 *   options,
 * );
 * assert.equal(ready.status, "ready");
 * const broken = compileSubscription({ subscribe: "type =", partnerAction: "track" }, 1, options);
 * assert.equal(broken.status === "broken" && broken.error.code, "INVALID_SUBSCRIPTION");
 * ```
 */
export function compileSubscription<Action, Mapping>(
  subscription: unknown,
  index: number,
  options: CompileSubscriptionOptions<Action, Mapping>,
): CompiledSubscription<Action, Mapping> {
  const {
    destination,
    findAction,
    defaultMapping = () => ({}),
    checks = "native",
  } = options;
  const segment = checks === "segment";
  // Segment's runtime reads the members of whatever it is given: not an object throws.
  const { name, subscribe, partnerAction, mapping, enabled } = (
    segment || isObject(subscription) ? subscription : {}
  ) as Record<string, unknown>;
  const key = typeof partnerAction === "string" ? partnerAction : "";
  const action = findAction(key);
  const parts: SubscriptionParts<Action> = {
    partnerAction: key,
    mappingSource: segment
      ? (mapping || {}) as Record<string, unknown>
      : isObject(mapping)
      ? mapping
      : {},
  };
  if (typeof name === "string") parts.name = name;
  if (action !== undefined) parts.action = action;
  if (enabled === false && !segment) {
    return { ...parts, status: "disabled" };
  }
  const why = !isObject(subscription) && !segment
    ? "expected an object"
    : action === undefined
    ? `destination "${destination}" has no action ${
      JSON.stringify(partnerAction ?? null)
    }`
    : typeof subscribe !== "string" || !(segment ? subscribe : subscribe.trim())
    ? "it has no subscribe query"
    : mapping != null && !isObject(mapping) && !segment
    ? "its mapping is not an object"
    : undefined;
  if (why !== undefined) {
    const code = action === undefined && isObject(subscription)
      ? "UNKNOWN_ACTION"
      : undefined;
    return broken(parts, index, why, undefined, code);
  }
  if (!isObject(mapping) && !segment) {
    parts.mappingSource = defaultMapping(action!);
  }
  return compileParts(
    { ...parts, action: action! },
    subscribe as string,
    index,
    options,
  );
}

/**
 * Compiles the query and the mapping of a subscription whose action is
 * known: what {@linkcode compileSubscription} ends with, and all a browser
 * bundle runs (analytics.js hands over only enabled subscriptions of known
 * actions). `index` names a subscription without a `name` in the error.
 */
export function compileParts<Action, Mapping>(
  parts: SubscriptionParts<Action> & { action: Action },
  subscribe: string,
  index: number,
  options: Pick<
    CompileSubscriptionOptions<Action, Mapping>,
    "compileQuery" | "compileMapping"
  >,
): ReadySubscription<Action, Mapping> | BrokenSubscription<Action> {
  try {
    return {
      ...parts,
      status: "ready",
      match: options.compileQuery(subscribe),
      mapping: options.compileMapping(parts.mappingSource, parts.action),
    };
  } catch (cause) {
    return broken(
      parts,
      index,
      (cause as Error)?.message ?? String(cause),
      cause,
    );
  }
}

// Codes are spelled out rather than read from ErrorCodes, which bundles would carry.
function broken<Action>(
  parts: SubscriptionParts<Action>,
  index: number,
  why: string,
  cause?: unknown,
  code = "INVALID_SUBSCRIPTION",
): BrokenSubscription<Action> {
  const label = parts.name === undefined ? index : JSON.stringify(parts.name);
  return {
    ...parts,
    status: "broken",
    error: new IntegrationError(
      `Cannot run subscription ${label}: ${why}`,
      code,
      400,
      { retryable: false, cause },
    ),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
