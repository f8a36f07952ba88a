/**
 * Compiled subscriptions: one subscription of the settings (`subscribe`,
 * `partnerAction`, `mapping`, `enabled`) compiled once into a tagged union
 * (`ready`, `broken`, `disabled`), the same way for the cloud runtime and
 * for browser bundles; each passes in its own action lookup, query compiler
 * and mapping compiler.
 *
 * ```ts
 * import { compileSubscription } from "./mod.ts";
 * import { compileFql } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const compiled = compileSubscription(
 *   { subscribe: 'type = "track"', partnerAction: "track", enabled: false },
 *   0,
 *   {
 *     destination: "Acme",
 *     findAction: () => ({}),
 *     compileQuery: compileFql,
 *     compileMapping: (mapping: object) => mapping,
 *   },
 * );
 * assert.equal(compiled.status, "disabled");
 * ```
 *
 * @module
 */

export { compileParts, compileSubscription } from "./compile_subscription.ts";
export type {
  BrokenSubscription,
  CompiledSubscription,
  CompileSubscriptionOptions,
  DisabledSubscription,
  ReadySubscription,
  SubscriptionParts,
} from "./compile_subscription.ts";
