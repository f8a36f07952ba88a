import {
  ErrorCodes,
  IntegrationError,
  InvalidAuthenticationError,
} from "../errors.ts";
import type { RequestOptions } from "../request/mod.ts";
import {
  type CompiledAction,
  type CompiledDestination,
  compileDefinition,
  messageOf,
} from "./_compile_definition.ts";
import { requestClientFor, type RunContext } from "./_context.ts";
import {
  errorResult,
  outputOf,
  plainResult,
  toResultError,
} from "./_outcome.ts";
import { runBatch } from "./_run_batch.ts";
import { type Route, runEvent } from "./_run_event.ts";
import {
  type RawSettings,
  subscriptionsOf,
  type ValidatedSettings,
  validateSettings,
} from "./_settings.ts";
import {
  type CompiledSubscription,
  compileSubscription,
  isCompiledMapping,
  MappingCache,
} from "./_subscriptions.ts";
import type { CallOptions, DestinationOptions } from "./destination_options.ts";
import type {
  AuthenticationResult,
  EventResult,
  RecordedRequest,
  ResultError,
} from "./result.ts";
import type { SegmentEvent } from "./segment_event.ts";
import type {
  AuthTokens,
  DestinationDefinition,
  RefreshAccessTokenResult,
  Subscription,
} from "./types.ts";

/** The input of {@linkcode Destination.executeAction}. */
export interface ExecuteActionInput<S> {
  /** The event to map, such as a {@linkcode SegmentEvent}. */
  event: object;
  /** The mapping. @default {the action's field defaults} */
  mapping?: Readonly<Record<string, unknown>>;
  /** The destination settings. @default {{}} */
  settings?: S;
  /** OAuth tokens. @default {settings.oauth} */
  auth?: AuthTokens;
}

/** The input of {@linkcode Destination.executeBatch}. */
export interface ExecuteBatchInput<S>
  extends Omit<ExecuteActionInput<S>, "event"> {
  /** The events to map, in order. */
  events: readonly object[];
}

/** Settings as a host passes them: destination settings plus subscriptions and OAuth tokens. */
export type SettingsWithSubscriptions<S> = S & {
  /** The subscriptions events are matched against. */
  subscriptions?: readonly Subscription[];
  /** A single subscription (used instead of `subscriptions` when given). */
  subscription?: Subscription;
  /** OAuth tokens in Segment's form (`access_token`, `refresh_token`, ...). */
  oauth?: Record<string, unknown>;
};

interface SettingsEntry extends ValidatedSettings {
  subscriptions?: CompiledSubscription[];
}

const DEFAULT_BATCH_CONCURRENCY = 10;
const NOTHING: RequestOptions = Object.freeze({});

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
  readonly #options: DestinationOptions;
  readonly #mappings = new MappingCache();
  readonly #settings = new WeakMap<object, SettingsEntry>();
  readonly #subscriptions = new WeakMap<object, CompiledSubscription>();
  readonly #tokens = new WeakMap<object, AuthTokens>();
  readonly #refreshing = new WeakMap<object, Promise<AuthTokens>>();
  readonly #head: RequestOptions;
  readonly #tail: RequestOptions;

  /**
   * Checks and compiles `definition`; prefer {@linkcode createDestination}.
   *
   * @throws {TypeError} when the definition is malformed, naming the action or field.
   */
  constructor(
    definition: DestinationDefinition,
    options: DestinationOptions = {},
  ) {
    this.#compiled = compileDefinition(definition);
    this.definition = definition;
    this.name = this.#compiled.name;
    const { batchConcurrency } = options;
    if (
      batchConcurrency !== undefined &&
      !(Number.isInteger(batchConcurrency) && batchConcurrency >= 1)
    ) {
      throw new RangeError(
        `Cannot create destination "${this.name}": batchConcurrency ${batchConcurrency} is not a whole number of at least 1`,
      );
    }
    this.#options = options;
    this.#head = options.timeout === undefined
      ? NOTHING
      : { timeout: options.timeout };
    this.#tail = options.fetch === undefined
      ? NOTHING
      : { fetch: options.fetch };
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
    return this.#compiled.presets.map((preset) => ({
      ...preset,
      mapping: { ...preset.mapping },
    }));
  }

  /** Returns one subscription per visible action with a `defaultSubscription`, mapped by the field defaults. */
  defaultSubscriptions(): Subscription[] {
    const subscriptions: Subscription[] = [];
    for (const action of this.#compiled.actions.values()) {
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
    const entry = this.#entry(raw);
    const subscriptions = this.#subscriptionsOf(raw, entry);
    if (entry.error !== undefined) {
      return settingsFailures(entry.error, subscriptions, 1);
    }
    if (subscriptions.length === 0) {
      return [plainResult("unmatched", undefined, undefined)];
    }
    let context = this.#context(raw, entry, options, undefined);
    const results = subscriptions.length === 1
      ? [await runSubscription(context, subscriptions[0], event)]
      : await Promise.all(
        subscriptions.map((subscription) =>
          runSubscription(context, subscription, event)
        ),
      );
    if (!this.#compiled.oauth || !results.some(isUnauthorized)) return results;
    const refreshed = await this.#refresh(raw, context, options);
    if (refreshed === undefined) return results;
    for (let i = 0; i < results.length; i++) {
      if (!isUnauthorized(results[i])) continue;
      if ("message" in refreshed) {
        results[i] = errorResult(
          refreshed,
          results[i].action,
          results[i].subscription,
        );
      } else {
        context = refreshed;
        results[i] = await runSubscription(context, subscriptions[i], event);
      }
    }
    return results;
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
    if (!Array.isArray(events)) {
      throw new TypeError(
        `Cannot run a batch on "${this.name}": expected an array of events`,
      );
    }
    const raw = settings as RawSettings;
    const entry = this.#entry(raw);
    const subscriptions = this.#subscriptionsOf(raw, entry);
    if (entry.error !== undefined) {
      return settingsFailures(entry.error, subscriptions, events.length);
    }
    if (subscriptions.length === 0) {
      return events.map(() => plainResult("unmatched", undefined, undefined));
    }
    const context = this.#context(raw, entry, options, undefined);
    const perSubscription = await Promise.all(
      subscriptions.map((subscription) =>
        this.#batchSubscription(raw, context, options, subscription, events)
      ),
    );
    return perSubscription.length === 1
      ? perSubscription[0]
      : combine(perSubscription, events.length);
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
    const result = await runEvent(
      prepared.context,
      prepared.route,
      input.event,
    );
    if (!this.#compiled.oauth || !isUnauthorized(result)) return result;
    const refreshed = await this.#refresh(
      prepared.key,
      prepared.context,
      options,
    );
    if (refreshed === undefined) return result;
    if ("message" in refreshed) {
      return errorResult(refreshed, result.action, undefined);
    }
    return runEvent(refreshed, prepared.route, input.event);
  }

  /** Runs events through action `name` as a batch; returns one result per event, in order. */
  async executeBatch(
    name: string,
    input: ExecuteBatchInput<S>,
    options?: CallOptions,
  ): Promise<EventResult[]> {
    if (!Array.isArray(input.events)) {
      throw new TypeError(
        `Cannot run a batch on "${this.name}": expected an array of events`,
      );
    }
    const prepared = this.#prepare(name, input, options);
    if ("status" in prepared) return input.events.map(() => ({ ...prepared }));
    const results = await runBatch(
      prepared.context,
      prepared.route,
      input.events,
    );
    return await this.#retryBatch(
      prepared.key,
      prepared.context,
      options,
      prepared.route,
      input.events,
      results,
    );
  }

  /** Validates `settings` and runs the definition's `testAuthentication`. */
  async testAuthentication(
    settings: S,
    options?: CallOptions,
  ): Promise<AuthenticationResult> {
    const raw = settings as RawSettings;
    const entry = this.#entry(raw);
    if (entry.error !== undefined) return { ok: false, error: entry.error };
    const test = this.#compiled.testAuthentication;
    if (test === undefined) return { ok: true };
    const context = this.#context(raw, entry, options, undefined);
    const requests: RecordedRequest[] | undefined = context.record
      ? []
      : undefined;
    let result: AuthenticationResult;
    try {
      const request = requestClientFor(context, undefined, requests);
      const output = outputOf(
        await test(request, { settings: context.settings, auth: context.auth }),
      );
      result = output === undefined ? { ok: true } : { ok: true, output };
    } catch (error) {
      const failure = toResultError(error);
      if (!failure.retryable) {
        failure.message = `Credentials are invalid: ${failure.message}`;
      }
      result = { ok: false, error: failure };
    }
    if (requests !== undefined) result.requests = requests;
    return result;
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
    const entry = this.#entry(raw);
    if (entry.error !== undefined) {
      throw new IntegrationError(
        entry.error.message,
        entry.error.code,
        entry.error.status,
        { retryable: false },
      );
    }
    return await this.#callRefresh(this.#context(raw, entry, options, auth));
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
    const remove = this.#compiled.onDelete;
    if (remove === undefined) {
      return plainResult("skipped", undefined, undefined);
    }
    const raw = settings as RawSettings;
    const entry = this.#entry(raw);
    if (entry.error !== undefined) {
      return errorResult(entry.error, undefined, undefined);
    }
    const { userId, anonymousId } = (event ?? {}) as SegmentEvent;
    const payload = { userId, anonymousId };
    const run = async (context: RunContext): Promise<EventResult> => {
      const requests: RecordedRequest[] | undefined = context.record
        ? []
        : undefined;
      let result: EventResult;
      try {
        const request = requestClientFor(context, payload, requests);
        const output = outputOf(
          await remove(request, {
            settings: context.settings,
            payload,
            auth: context.auth,
          }),
        );
        result = plainResult("delivered", undefined, undefined);
        if (output !== undefined) result.output = output;
      } catch (error) {
        result = errorResult(toResultError(error), undefined, undefined);
      }
      if (requests !== undefined) result.requests = requests;
      return result;
    };
    const context = this.#context(raw, entry, options, undefined);
    const result = await run(context);
    if (!this.#compiled.oauth || !isUnauthorized(result)) return result;
    const refreshed = await this.#refresh(raw, context, options);
    if (refreshed === undefined) return result;
    return "message" in refreshed
      ? errorResult(refreshed, undefined, undefined)
      : run(refreshed);
  }

  #action(name: string): CompiledAction {
    const action = this.#compiled.actions.get(name);
    if (action === undefined) {
      throw new RangeError(
        `Cannot find action "${name}": destination "${this.name}" has ${this.#actionList()}`,
      );
    }
    return action;
  }

  #actionList(): string {
    const names = [...this.#compiled.actions.keys()].map((key) =>
      JSON.stringify(key)
    );
    return names.length === 0 ? "no actions" : `actions ${names.join(", ")}`;
  }

  #prepare(
    name: string,
    input: ExecuteActionInput<S> | ExecuteBatchInput<S>,
    options: CallOptions | undefined,
  ): EventResult | { context: RunContext; route: Route; key: RawSettings } {
    const action = this.#compiled.actions.get(name);
    if (action === undefined) {
      const error = new IntegrationError(
        `Cannot run action "${name}": destination "${this.name}" has ${this.#actionList()}`,
        ErrorCodes.UNKNOWN_ACTION,
        400,
        { retryable: false },
      );
      return errorResult(toResultError(error), name, undefined);
    }
    const raw = (input.settings ?? {}) as RawSettings;
    const entry = this.#entry(raw);
    if (entry.error !== undefined) {
      return errorResult(entry.error, name, undefined);
    }
    const source = input.mapping ?? action.defaultMapping;
    const mapping = this.#mappings.get(source);
    if (!isCompiledMapping(mapping)) {
      return errorResult(mapping, name, undefined);
    }
    const route: Route = { action, mapping, mappingSource: source };
    return {
      context: this.#context(raw, entry, options, input.auth),
      route,
      key: raw,
    };
  }

  #entry(raw: RawSettings): SettingsEntry {
    if (typeof raw !== "object" || raw === null) {
      return validateSettings(this.#compiled, raw);
    }
    let entry = this.#settings.get(raw);
    if (entry === undefined) {
      entry = validateSettings(this.#compiled, raw);
      this.#settings.set(raw, entry);
    }
    return entry;
  }

  #subscriptionsOf(
    raw: RawSettings,
    entry: SettingsEntry,
  ): CompiledSubscription[] {
    if (entry.subscriptions !== undefined) return entry.subscriptions;
    const compiled = subscriptionsOf(raw).map((subscription, index) => {
      const isObject = typeof subscription === "object" &&
        subscription !== null;
      let found = isObject ? this.#subscriptions.get(subscription) : undefined;
      if (found === undefined) {
        found = compileSubscription(
          this.#compiled,
          this.#mappings,
          subscription,
          index,
        );
        if (isObject) this.#subscriptions.set(subscription, found);
      }
      return found;
    });
    if (typeof raw === "object" && raw !== null) entry.subscriptions = compiled;
    return compiled;
  }

  #context(
    raw: RawSettings,
    entry: SettingsEntry,
    options: CallOptions | undefined,
    auth: AuthTokens | undefined,
  ): RunContext {
    const defaults = this.#options;
    let head = this.#head;
    let tail = this.#tail;
    if (options !== undefined) {
      if (options.timeout !== undefined) head = { timeout: options.timeout };
      if (options.fetch !== undefined || options.signal !== undefined) {
        tail = { ...tail };
        if (options.fetch !== undefined) tail.fetch = options.fetch;
        if (options.signal !== undefined) tail.signal = options.signal;
      }
    }
    const key = typeof raw === "object" && raw !== null ? raw : undefined;
    return {
      destination: this.#compiled,
      settings: entry.settings,
      auth: auth ?? options?.auth ??
        (key === undefined ? undefined : this.#tokens.get(key)) ?? entry.auth,
      logger: options?.logger ?? defaults.logger,
      signal: options?.signal,
      record: options?.recordRequests ?? defaults.recordRequests ?? false,
      onComplete: options?.onComplete ?? defaults.onComplete,
      batchConcurrency: options?.batchConcurrency ??
        defaults.batchConcurrency ?? DEFAULT_BATCH_CONCURRENCY,
      head,
      tail,
    };
  }

  async #batchSubscription(
    raw: RawSettings,
    context: RunContext,
    options: CallOptions | undefined,
    subscription: CompiledSubscription,
    events: readonly object[],
  ): Promise<EventResult[]> {
    const action = subscription.action?.name ??
      (subscription.partnerAction || undefined);
    const { route, error, name } = subscription;
    if (!subscription.enabled) {
      return events.map(() => plainResult("skipped", action, name));
    }
    if (error !== undefined || route === undefined) {
      return events.map(() => errorResult(error!, action, name));
    }
    const results: EventResult[] = new Array(events.length);
    const matched: object[] = [];
    const indices: number[] = [];
    for (let i = 0; i < events.length; i++) {
      let matches: boolean;
      try {
        matches = route.match === undefined || route.match(events[i]);
      } catch (cause) {
        results[i] = errorResult(toResultError(cause), action, name);
        continue;
      }
      if (matches) {
        matched.push(events[i]);
        indices.push(i);
      } else {
        results[i] = plainResult("unmatched", action, name);
      }
    }
    if (matched.length === 0) return results;
    const sent = await runBatch(context, route, matched);
    const final = await this.#retryBatch(
      raw,
      context,
      options,
      route,
      matched,
      sent,
    );
    for (let k = 0; k < indices.length; k++) results[indices[k]] = final[k];
    return results;
  }

  /** Sends again, once, the events of a batch that failed with 401, after refreshing the token. */
  async #retryBatch(
    raw: RawSettings,
    context: RunContext,
    options: CallOptions | undefined,
    route: Route,
    events: readonly object[],
    results: EventResult[],
  ): Promise<EventResult[]> {
    if (!this.#compiled.oauth || !results.some(isUnauthorized)) return results;
    const refreshed = await this.#refresh(raw, context, options);
    if (refreshed === undefined) return results;
    const again: object[] = [];
    const indices: number[] = [];
    for (let i = 0; i < results.length; i++) {
      if (!isUnauthorized(results[i])) continue;
      if ("message" in refreshed) {
        results[i] = errorResult(
          refreshed,
          results[i].action,
          results[i].subscription,
          results[i].warnings,
        );
      } else {
        again.push(events[i]);
        indices.push(i);
      }
    }
    if (again.length === 0) return results;
    const retried = await runBatch(refreshed as RunContext, route, again);
    for (let k = 0; k < indices.length; k++) results[indices[k]] = retried[k];
    return results;
  }

  /**
   * After a 401: returns a context with fresh tokens, the refresh failure, or undefined
   * when the destination cannot refresh. Concurrent calls with one settings object share
   * one refresh; a call that used tokens older than the last refresh retries with the new ones.
   */
  async #refresh(
    raw: RawSettings,
    context: RunContext,
    options: CallOptions | undefined,
  ): Promise<RunContext | ResultError | undefined> {
    if (this.#compiled.refreshAccessToken === undefined) return undefined;
    const key = typeof raw === "object" && raw !== null ? raw : undefined;
    const used = context.auth;
    const known = key === undefined ? undefined : this.#tokens.get(key);
    if (known !== undefined && known.accessToken !== used?.accessToken) {
      return { ...context, auth: known };
    }
    let pending = key === undefined ? undefined : this.#refreshing.get(key);
    if (pending === undefined) {
      pending = this.#refreshTokens(context, options, key);
      if (key !== undefined) {
        this.#refreshing.set(key, pending);
        pending.then(
          () => this.#refreshing.delete(key),
          () => this.#refreshing.delete(key),
        );
      }
    }
    try {
      return { ...context, auth: await pending };
    } catch (error) {
      return toResultError(error);
    }
  }

  async #refreshTokens(
    context: RunContext,
    options: CallOptions | undefined,
    key: object | undefined,
  ): Promise<AuthTokens> {
    const tokens = await this.#callRefresh(context);
    const onTokenRefresh = options?.onTokenRefresh ??
      this.#options.onTokenRefresh;
    if (onTokenRefresh !== undefined) await onTokenRefresh(tokens);
    const auth: AuthTokens = {
      ...context.auth,
      accessToken: tokens.accessToken,
    };
    if (tokens.refreshToken !== undefined) {
      auth.refreshToken = tokens.refreshToken;
    }
    if (key !== undefined) this.#tokens.set(key, auth);
    return auth;
  }

  async #callRefresh(context: RunContext): Promise<RefreshAccessTokenResult> {
    const refresh = this.#compiled.refreshAccessToken;
    if (!this.#compiled.oauth || refresh === undefined) {
      throw new IntegrationError(
        `Cannot refresh the access token of "${this.name}": ${
          this.#compiled.oauth
            ? "it defines no refreshAccessToken"
            : "its scheme is not oauth2 or oauth-managed"
        }`,
        ErrorCodes.NOT_IMPLEMENTED,
        501,
      );
    }
    let tokens: RefreshAccessTokenResult;
    try {
      const request = requestClientFor(context, undefined, undefined);
      tokens = await refresh(request, {
        settings: context.settings,
        auth: context.auth,
      });
    } catch (error) {
      throw new InvalidAuthenticationError(
        `Cannot refresh the access token: ${messageOf(error)}`,
        ErrorCodes.OAUTH_REFRESH_FAILED,
        {
          cause: error,
          retryable: error instanceof IntegrationError && error.retryable,
        },
      );
    }
    if (typeof tokens?.accessToken !== "string" || tokens.accessToken === "") {
      throw new InvalidAuthenticationError(
        "Cannot refresh the access token: refreshAccessToken returned no accessToken",
        ErrorCodes.OAUTH_REFRESH_FAILED,
      );
    }
    return tokens;
  }
}

function runSubscription(
  context: RunContext,
  subscription: CompiledSubscription,
  event: unknown,
): EventResult | Promise<EventResult> {
  const action = subscription.action?.name ??
    (subscription.partnerAction || undefined);
  if (!subscription.enabled) {
    return plainResult("skipped", action, subscription.name);
  }
  if (subscription.error !== undefined || subscription.route === undefined) {
    return errorResult(subscription.error!, action, subscription.name);
  }
  return runEvent(context, subscription.route, event);
}

function isUnauthorized(result: EventResult): boolean {
  return result.status === "failed" && result.error?.status === 401;
}

function settingsFailures(
  error: ResultError,
  subscriptions: readonly CompiledSubscription[],
  count: number,
): EventResult[] {
  if (subscriptions.length === 1 || (subscriptions.length > 1 && count === 1)) {
    if (count === 1) {
      return subscriptions.map((subscription) =>
        errorResult(
          error,
          subscription.action?.name ??
            (subscription.partnerAction || undefined),
          subscription.name,
        )
      );
    }
    const only = subscriptions[0];
    const action = only.action?.name ?? (only.partnerAction || undefined);
    return Array.from(
      { length: count },
      () => errorResult(error, action, only.name),
    );
  }
  return Array.from(
    { length: count },
    () => errorResult(error, undefined, undefined),
  );
}

const SEVERITY: Record<EventResult["status"], number> = {
  unmatched: 0,
  skipped: 1,
  delivered: 2,
  invalid: 3,
  failed: 4,
};

/** Merges per-subscription batch results into one result per event. */
function combine(
  perSubscription: EventResult[][],
  count: number,
): EventResult[] {
  const combined: EventResult[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const ran: EventResult[] = [];
    let quiet: EventResult | undefined;
    for (const results of perSubscription) {
      const result = results[i];
      if (result.status === "unmatched" || result.status === "skipped") {
        if (
          quiet === undefined ||
          SEVERITY[result.status] > SEVERITY[quiet.status]
        ) quiet = result;
      } else {
        ran.push(result);
      }
    }
    if (ran.length === 0) combined[i] = quiet!;
    else if (ran.length === 1) combined[i] = ran[0];
    else {
      let worst = ran[0];
      for (const result of ran) {
        if (SEVERITY[result.status] > SEVERITY[worst.status]) worst = result;
      }
      const merged: EventResult = {
        status: worst.status,
        warnings: ran.flatMap((result) => result.warnings),
        results: ran,
      };
      if (worst.error !== undefined) merged.error = worst.error;
      combined[i] = merged;
    }
  }
  return combined;
}
