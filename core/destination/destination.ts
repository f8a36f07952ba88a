import { IntegrationError } from "../errors.ts";
import { actionRoute, unknownActionResult } from "./compile/_action_route.ts";
import { runTestAuthentication } from "./auth/_authentication.ts";
import { runBatchWithRetry } from "./run/_batch_retry.ts";
import { batchSubscription } from "./run/_batch_subscription.ts";
import { combineResults } from "./run/_combine_results.ts";
import {
  type CompiledAction,
  type CompiledDestination,
  compileDefinition,
  describeActions,
} from "./compile/_compile_definition.ts";
import type { RunContext } from "./run/_context.ts";
import { ContextBuilder } from "./run/_context.ts";
import {
  defaultSubscriptions,
  MappingCache,
  presetSubscriptions,
} from "./compile/_subscriptions.ts";
import { TokenRefresher } from "./auth/_oauth_refresh.ts";
import { runDelete } from "./run/_on_delete.ts";
import { errorResult, plainResult } from "./run/_outcome.ts";
import { redactResults, withAuthSecrets } from "./run/_redact_results.ts";
import { type Route, runEvent } from "./run/_run_event.ts";
import {
  rerunSubscriptions,
  runSubscriptions,
} from "./run/_run_subscription.ts";
import type { RawSettings } from "./settings/_settings.ts";
import { SettingsEntries } from "./settings/_settings.ts";
import { settingsFailures } from "./settings/_settings_failures.ts";
import type {
  ExecuteActionInput,
  ExecuteBatchInput,
  SettingsWithSubscriptions,
} from "./destination_inputs.ts";
import type { CallOptions, DestinationOptions } from "./destination_options.ts";
import type { AuthenticationResult, EventResult } from "./result.ts";
import type { SegmentEvent } from "./segment_event.ts";
import type {
  AuthTokens,
  DestinationDefinition,
  RefreshAccessTokenResult,
  Subscription,
} from "./types.ts";

/**
 * A destination ready to run events: created by {@linkcode createDestination}, which
 * checks and compiles its definition once. Every method resolves to results and never
 * rejects for an event's outcome: see {@linkcode EventResult}.
 *
 * Settings objects are treated as immutable: what is derived from one (validation,
 * compiled subscriptions) is kept for as long as the object lives. Pass a new object
 * when settings change.
 */
export class Destination<S = Record<string, unknown>> {
  /** The destination's name. */
  readonly name: string;
  /** The definition as given. */
  readonly definition: DestinationDefinition;
  readonly #compiled: CompiledDestination;
  readonly #mappings: MappingCache;
  readonly #settings: SettingsEntries;
  readonly #refresher: TokenRefresher;
  readonly #contexts: ContextBuilder;

  /**
   * Checks and compiles `definition`; prefer {@linkcode createDestination}.
   *
   * @throws {TypeError} when the definition is malformed, naming the action or field.
   * @throws {RangeError} when an option is out of range.
   */
  constructor(
    definition: DestinationDefinition,
    options: DestinationOptions = {},
  ) {
    this.#compiled = compileDefinition(definition);
    this.#mappings = new MappingCache(options.mappingBudgets);
    this.definition = definition;
    this.name = this.#compiled.name;
    this.#settings = new SettingsEntries(this.#compiled, this.#mappings);
    this.#refresher = new TokenRefresher(this.#compiled, options);
    this.#contexts = new ContextBuilder(
      this.#compiled,
      options,
      this.#refresher,
    );
  }

  /**
   * Returns the values the runtime hides for `settings` (and `auth`): the values of
   * the authentication fields of `type: "password"`, the tokens and client secret of
   * `settings.oauth` and of `auth`. Every result message, log line, `onComplete` info
   * and request error of a call shows `[redacted]` in their place (values shorter than
   * 4 characters are not searched for); pass them to {@linkcode redactRecordedRequest}
   * before writing recorded requests down.
   */
  secretsOf(settings: S, auth?: AuthTokens): string[] {
    const entry = this.#settings.entryOf(settings as RawSettings);
    return [...withAuthSecrets(entry.secrets, auth)];
  }

  /** Returns the names of the actions, in definition order. */
  actionNames(): string[] {
    return [...this.#compiled.actions.keys()];
  }

  /**
   * Returns an action's default mapping: each field's `default`.
   *
   * @throws {RangeError} when there is no action `name`.
   */
  defaultMapping(name: string): Record<string, unknown> {
    return { ...this.#action(name).defaultMapping };
  }

  /** Returns the presets (both kinds) as subscriptions; a preset without a mapping gets its action's default. */
  presetSubscriptions(): Subscription[] {
    return presetSubscriptions(this.#compiled);
  }

  /** Returns one subscription per visible action with a `defaultSubscription`, mapped by the field defaults. */
  defaultSubscriptions(): Subscription[] {
    return defaultSubscriptions(this.#compiled);
  }

  /**
   * Runs one event through every subscription of `settings` (`subscriptions`, or
   * `subscription`) and returns one result per subscription, in their order; with no
   * subscription, one `unmatched` result. With OAuth2, a 401 refreshes the token and
   * retries the failed subscriptions once.
   */
  async onEvent(
    event: object,
    settings: SettingsWithSubscriptions<S>,
    options?: CallOptions,
  ): Promise<EventResult[]> {
    const raw = settings as RawSettings;
    const entry = this.#settings.entryOf(raw);
    const subscriptions = this.#settings.subscriptionsOf(raw, entry);
    if (entry.error !== undefined) {
      return settingsFailures(entry.error, subscriptions, 1);
    }
    if (subscriptions.length === 0) {
      return [plainResult("unmatched", undefined, undefined)];
    }
    const context = this.#contexts.contextFor(raw, entry, options, undefined);
    const results = await this.#refresher.retryUnauthorized(
      context,
      (current, indices) =>
        indices === undefined
          ? runSubscriptions(current, subscriptions, event)
          : rerunSubscriptions(current, subscriptions, indices, event),
    );
    return redactResults(results, context.secrets);
  }

  /**
   * Runs a batch through every subscription of `settings` and returns exactly one result
   * per event, in order. Per subscription, matching events are mapped and validated one
   * by one; the valid payloads go to `performBatch` in one call (or to `perform` one by
   * one, `batchConcurrency` at a time). When several subscriptions match one event, its
   * result has the most severe status and lists each in `results`.
   *
   * @throws {TypeError} when `events` is not an array.
   */
  async onBatch(
    events: readonly object[],
    settings: SettingsWithSubscriptions<S>,
    options?: CallOptions,
  ): Promise<EventResult[]> {
    this.#checkEvents(events);
    const raw = settings as RawSettings;
    const entry = this.#settings.entryOf(raw);
    const subscriptions = this.#settings.subscriptionsOf(raw, entry);
    if (entry.error !== undefined) {
      return settingsFailures(entry.error, subscriptions, events.length);
    }
    if (subscriptions.length === 0) {
      return events.map(() => plainResult("unmatched", undefined, undefined));
    }
    const context = this.#contexts.contextFor(raw, entry, options, undefined);
    const perSubscription = await Promise.all(
      subscriptions.map((subscription) =>
        batchSubscription(this.#refresher, context, subscription, events)
      ),
    );
    return redactResults(
      perSubscription.length === 1
        ? perSubscription[0]
        : combineResults(perSubscription, events.length),
      context.secrets,
    );
  }

  /**
   * Runs one event through action `name` with `mapping` (by default, the field defaults),
   * without a subscription query.
   */
  async executeAction(
    name: string,
    input: ExecuteActionInput<S>,
    options?: CallOptions,
  ): Promise<EventResult> {
    const prepared = this.#prepare(name, input, options);
    if ("status" in prepared) return prepared;
    const { context, route } = prepared;
    const [result] = await this.#refresher.retryUnauthorized(
      context,
      async (current) => [await runEvent(current, route, input.event)],
    );
    return redactResults([result], context.secrets)[0];
  }

  /**
   * Runs events through action `name` as a batch; returns one result per event, in order.
   *
   * @throws {TypeError} when `events` is not an array.
   */
  async executeBatch(
    name: string,
    input: ExecuteBatchInput<S>,
    options?: CallOptions,
  ): Promise<EventResult[]> {
    this.#checkEvents(input.events);
    const prepared = this.#prepare(name, input, options);
    if ("status" in prepared) return input.events.map(() => ({ ...prepared }));
    return redactResults(
      await runBatchWithRetry(
        this.#refresher,
        prepared.context,
        prepared.route,
        input.events,
      ),
      prepared.context.secrets,
    );
  }

  /** Validates `settings` and runs the definition's `testAuthentication`. */
  async testAuthentication(
    settings: S,
    options?: CallOptions,
  ): Promise<AuthenticationResult> {
    const raw = settings as RawSettings;
    const entry = this.#settings.entryOf(raw);
    if (entry.error !== undefined) return { ok: false, error: entry.error };
    if (this.#compiled.testAuthentication === undefined) return { ok: true };
    const context = this.#contexts.contextFor(raw, entry, options, undefined);
    return redactResults(
      [await runTestAuthentication(context)],
      context.secrets,
    )[0];
  }

  /**
   * Gets a new access token with the definition's `refreshAccessToken`.
   *
   * @throws {IntegrationError} `NOT_IMPLEMENTED` (501) when the scheme is not OAuth2 or there is no `refreshAccessToken`.
   * @throws {InvalidSettingsError} when the settings do not fit the authentication fields.
   * @throws {InvalidAuthenticationError} `OAUTH_REFRESH_FAILED` when the refresh failed.
   */
  async refreshAccessToken(
    settings: S,
    auth: AuthTokens,
    options?: CallOptions,
  ): Promise<RefreshAccessTokenResult> {
    const raw = settings as RawSettings;
    const entry = this.#settings.entryOf(raw);
    if (entry.error !== undefined) {
      throw new IntegrationError(
        entry.error.message,
        entry.error.code,
        entry.error.status,
        { retryable: false },
      );
    }
    return await this.#refresher.requestTokens(
      this.#contexts.contextFor(raw, entry, options, auth),
    );
  }

  /**
   * Runs the definition's `onDelete` for the `userId` and `anonymousId` of `event`;
   * `skipped` when the destination defines none.
   */
  async onDelete(
    event: Pick<SegmentEvent, "userId" | "anonymousId"> | object,
    settings: S,
    options?: CallOptions,
  ): Promise<EventResult> {
    if (this.#compiled.onDelete === undefined) {
      return plainResult("skipped", undefined, undefined);
    }
    const raw = settings as RawSettings;
    const entry = this.#settings.entryOf(raw);
    if (entry.error !== undefined) {
      return errorResult(entry.error, undefined, undefined);
    }
    const context = this.#contexts.contextFor(raw, entry, options, undefined);
    return redactResults(
      [await runDelete(this.#refresher, context, event)],
      context.secrets,
    )[0];
  }

  #action(name: string): CompiledAction {
    const action = this.#compiled.actions.get(name);
    if (action === undefined) {
      throw new RangeError(
        `Cannot find action "${name}": destination "${this.name}" has ${
          describeActions(this.#compiled)
        }`,
      );
    }
    return action;
  }

  #checkEvents(events: readonly object[]): void {
    if (!Array.isArray(events)) {
      throw new TypeError(
        `Cannot run a batch on "${this.name}": expected an array of events`,
      );
    }
  }

  /** The context and route of `executeAction`/`executeBatch`, or the result of why they cannot run. */
  #prepare(
    name: string,
    input: ExecuteActionInput<S> | ExecuteBatchInput<S>,
    options: CallOptions | undefined,
  ): EventResult | { context: RunContext; route: Route } {
    const action = this.#compiled.actions.get(name);
    if (action === undefined) return unknownActionResult(this.#compiled, name);
    const raw = (input.settings ?? {}) as RawSettings;
    const entry = this.#settings.entryOf(raw);
    if (entry.error !== undefined) {
      return errorResult(entry.error, name, undefined);
    }
    const route = actionRoute(action, this.#mappings, input.mapping);
    if ("status" in route) return route;
    return {
      context: this.#contexts.contextFor(raw, entry, options, input.auth),
      route,
    };
  }
}
