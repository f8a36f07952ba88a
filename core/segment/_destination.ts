// Segment's `Destination` class: subscriptions, settings, OAuth refresh and result shapes as
// Segment's runtime has them; mapping, validation, queries and requests run on destkit's engine.
import {
  type RefreshRetryPolicy,
  withTokenRefresh,
} from "../destination/auth/_refresh_retry.ts";
import { scatter } from "../destination/auth/_oauth_refresh.ts";
import { splitByMatch } from "../destination/run/_batch_subscription.ts";
import type { FetchFunction } from "../request/mod.ts";
import { type ExecuteBundle, SegmentAction } from "./_action.ts";
import { getAuthData, getOAuth2Data } from "./_audience.ts";
import { ErrorCodes, MultiStatusErrorReporter } from "./_error_codes.ts";
import { IntegrationError, InvalidAuthenticationError } from "./_errors.ts";
import {
  createSegmentClient,
  type DecoratedResponse,
} from "./_request_client.ts";
import { fieldsToJsonSchema, validateSchema } from "./_schema.ts";
import { parseSubscription } from "./_subscription_query.ts";
import { duration, time } from "./_time.ts";
import {
  type CompiledSubscription,
  compileSubscription,
} from "../subscription/compile_subscription.ts";
import type {
  AuthenticationScheme,
  DestinationDefinition,
  RefreshAccessTokenResult,
  RequestExtension,
  RequestFn,
  Result,
  ResultMultiStatusNode,
  Subscription,
  SubscriptionStats,
} from "./_types.ts";

// deno-lint-ignore no-explicit-any
type Bag = Record<string, any>;

/** Options of a call to `onEvent`, `onBatch` or `onDelete`. */
export interface OnEventOptions {
  onTokenRefresh?: (tokens: RefreshAccessTokenResult) => unknown;
  onComplete?: (stats: SubscriptionStats) => void;
  features?: Record<string, boolean>;
  statsContext?: Bag;
  logger?: unknown;
  engageDestinationCache?: unknown;
  transactionContext?: unknown;
  stateContext?: unknown;
  synchronizeRefreshAccessToken?: () => Promise<void>;
  signal?: AbortSignal;
}

/** Options destkit adds to Segment's constructor. */
export interface SegmentDestinationOptions {
  /** Sends every request. @default {globalThis.fetch} */
  fetch?: FetchFunction;
}

const EXEMPT = ["dynamicAuthSettings"];
const MAX_ATTEMPTS = 2;

function invalidItem(message: string): ResultMultiStatusNode {
  return {
    status: 400,
    errortype: ErrorCodes.PAYLOAD_VALIDATION_FAILED,
    errormessage: message,
    errorreporter: MultiStatusErrorReporter.INTEGRATIONS,
  };
}

function hasUnauthorizedItem(results: Result[]): boolean {
  return results.some((result) =>
    result?.multistatus?.some((item) => item.status === 401)
  );
}

/** What an action runs on: `data`, with the audience of `first`'s personas (the batch's first event). */
function executeBundle(
  input: Bag,
  data: Bag | Bag[],
  first: Bag | undefined,
): ExecuteBundle {
  const personas = first?.context?.personas;
  return {
    ...input,
    mapping: input.mapping,
    settings: input.settings,
    data,
    audienceSettings: personas ? personas.audience_settings : {},
    personasContext: personas,
  };
}

function never(): boolean {
  return false;
}

/**
 * A Segment destination: `new Destination(definition)`, then `onEvent(event, settings)`
 * with `settings.subscriptions`, `onBatch`, `executeAction`, `testAuthentication`,
 * `refreshAccessToken` and `onDelete`, resolving to Segment's results and rejecting with
 * Segment's errors. Requests go through `globalThis.fetch` unless `options.fetch` is given.
 */
export class Destination<Settings = Bag, AudienceSettings = Bag> {
  readonly definition: DestinationDefinition<Settings>;
  readonly name: string;
  readonly authentication?: AuthenticationScheme<Settings>;
  readonly extendRequest?: RequestExtension<Settings, unknown>;
  readonly actions: Record<string, SegmentAction>;
  /** Every response received, with its request and options. */
  responses: DecoratedResponse[];
  readonly settingsSchema?: object;
  /** Runs `onDelete` when the definition has one. */
  onDelete?: (
    event: Bag,
    settings: Bag,
    options?: OnEventOptions,
  ) => Promise<Result>;
  readonly #fetch: FetchFunction | undefined;

  constructor(
    destination: DestinationDefinition<Settings>,
    options: SegmentDestinationOptions = {},
  ) {
    this.definition = destination;
    this.name = destination.name;
    this.extendRequest = destination.extendRequest;
    this.actions = {};
    this.authentication = destination.authentication;
    this.responses = [];
    this.#fetch = options.fetch;
    if (destination.onDelete) this.onDelete = this.#onDelete;
    if (this.authentication?.fields) {
      this.settingsSchema = fieldsToJsonSchema(this.authentication.fields);
    }
    for (const action of Object.keys(destination.actions)) {
      this.partnerAction(action, destination.actions[action] as never);
    }
  }

  /** Validates settings against the authentication fields, coercing them in place. */
  validateSettings(settings: Settings): void {
    if (this.settingsSchema === undefined) return;
    validateSchema(settings, this.settingsSchema, { exempt: EXEMPT });
  }

  /** Creates an audience with the definition's `audienceConfig.createAudience`. */
  createAudience(input: Bag): Promise<unknown> {
    return this.#audienceCall("createAudience", input);
  }

  /** Reads an audience with the definition's `audienceConfig.getAudience`. */
  getAudience(input: Bag): Promise<unknown> {
    return this.#audienceCall("getAudience", input);
  }

  /**
   * Validates settings and runs `testAuthentication`.
   *
   * @throws {Error} `Credentials are invalid: <status> <message>` when it fails.
   */
  async testAuthentication(settings: Settings): Promise<void> {
    const destinationSettings = this.getDestinationSettings(settings as Bag);
    const auth = getAuthData(settings);
    this.validateSettings(destinationSettings as Settings);
    const test = this.authentication?.testAuthentication;
    if (!test) return;
    const context = { settings: destinationSettings, payload: undefined, auth };
    const request = this.#client(context);
    try {
      await test(request, { settings: destinationSettings as Settings, auth });
    } catch (error) {
      const typed = error as Bag;
      const status = typed?.response?.status ?? "";
      throw new Error(`Credentials are invalid: ${status} ${typed?.message}`);
    }
  }

  /**
   * Gets new tokens with `refreshAccessToken`; `undefined` when the definition has none.
   *
   * @throws {IntegrationError} `NotImplemented` (501) unless the scheme is OAuth.
   */
  async refreshAccessToken(
    settings: Settings,
    oauthData: Bag,
    synchronizeRefreshAccessToken?: () => Promise<void>,
  ): Promise<RefreshAccessTokenResult | undefined> {
    const scheme = this.authentication?.scheme;
    if (scheme !== "oauth2" && scheme !== "oauth-managed") {
      throw new IntegrationError(
        "refreshAccessToken is only valid with oauth2 authentication scheme",
        "NotImplemented",
        501,
      );
    }
    const context = {
      settings,
      payload: undefined,
      auth: getAuthData(settings),
    };
    const request = this.#client(context);
    const refresh = (this.authentication as Bag).refreshAccessToken;
    if (!refresh) return undefined;
    await synchronizeRefreshAccessToken?.();
    return refresh(request, { settings, auth: oauthData });
  }

  /** Adds an action. */
  partnerAction(slug: string, definition: Bag): this {
    this.actions[slug] = new SegmentAction(
      this.name,
      definition as never,
      this.extendRequest as never,
      {
        fetch: this.#fetch,
        onResponse: (response) => {
          if (response) this.responses.push(response);
        },
      },
    );
    return this;
  }

  /** Runs one event through action `actionSlug` with `mapping`; `[]` when there is no such action. */
  async executeAction(actionSlug: string, input: Bag): Promise<Result[]> {
    const action = this.actions[actionSlug];
    if (!action) return [];
    const event = input.event as Bag;
    return await action.execute(executeBundle(input, event, event));
  }

  /** Runs events through action `actionSlug` as a batch; `[]` when there is no such action. */
  async executeBatch(
    actionSlug: string,
    input: Bag,
  ): Promise<ResultMultiStatusNode[]> {
    const action = this.actions[actionSlug];
    if (!action) return [];
    const events = input.events as Bag[];
    return await action.executeBatch(executeBundle(input, events, events[0]));
  }

  /** Runs a dynamic field of an action. */
  async executeDynamicField(
    actionSlug: string,
    fieldKey: string,
    data: Bag,
    dynamicFn?: RequestFn<unknown, unknown>,
  ): Promise<unknown> {
    const action = this.actions[actionSlug];
    if (!action) return [];
    return await action.executeDynamicField(fieldKey, data, dynamicFn);
  }

  /** Runs one event through every subscription in `settings.subscriptions` (or `settings.subscription`). */
  onEvent(
    event: Bag,
    settings: Bag,
    options?: OnEventOptions,
  ): Promise<Result[]> {
    return this.onSubscriptions(event, settings, options);
  }

  /** Runs a batch through every subscription; each subscription gives one `{ multistatus }`. */
  onBatch(
    events: Bag[],
    settings: Bag,
    options?: OnEventOptions,
  ): Promise<Result[]> {
    return this.onSubscriptions(events, settings, options);
  }

  /** Runs one subscription on an event or a batch. */
  async onSubscription(
    subscription: Subscription,
    events: Bag | Bag[],
    settings: Bag,
    auth: Bag,
    options?: OnEventOptions,
  ): Promise<Result[]> {
    const isBatch = Array.isArray(events);
    const tags = options?.statsContext?.tags;
    if (tags !== undefined) {
      options!.statsContext!.tags = [
        ...tags,
        `partnerAction:${subscription.partnerAction}`,
      ];
    }
    const started = time();
    const actionSlug = subscription.partnerAction;
    const input: Bag = {
      mapping: subscription.mapping || {},
      subscriptionMetadata: {
        actionConfigId: subscription.ID,
        destinationConfigId: subscription.ConfigID,
        actionId: subscription.ActionID,
        sourceId: subscription.ProjectID,
      },
      settings,
      auth,
      features: options?.features || {},
      statsContext: options?.statsContext || {},
      logger: options?.logger,
      engageDestinationCache: options?.engageDestinationCache,
      transactionContext: options?.transactionContext,
      stateContext: options?.stateContext,
      signal: options?.signal,
    };
    let results: Result[] | null = null;
    try {
      const compiled = this.#compileSubscription(subscription);
      if (compiled.status !== "ready") {
        const { cause } = (compiled as { error: Error }).error;
        const message = cause === undefined
          ? "Failed to validate subscription"
          : `Invalid subscription : ${(cause as Error).message}`;
        return isBatch
          ? [{ multistatus: events.map(() => invalidItem(message)) }]
          : [{ output: message }];
      }
      const all = isBatch ? events : [events];
      const { matched, indices, unmatched } = splitByMatch(
        all,
        compiled.match,
      );
      if (matched.length === 0) {
        results = [{ output: "not subscribed" }];
        return results;
      }
      if (!isBatch) {
        return await this.executeAction(actionSlug, {
          ...input,
          event: matched[0],
        });
      }
      const multistatus: ResultMultiStatusNode[] = [];
      for (const index of unmatched) {
        multistatus[index] = invalidItem(
          "Payload is either invalid or does not match the subscription",
        );
      }
      scatter(
        multistatus,
        indices,
        await this.executeBatch(actionSlug, { ...input, events: matched }),
      );
      return [{ multistatus }];
    } catch (error) {
      const typed = error as Bag;
      results = [{ error: { message: typed?.message } }];
      if (
        typed?.name === "AggregateAjvError" || typed?.name === "ValidationError"
      ) {
        typed.status = 400;
      }
      throw error;
    } finally {
      options?.onComplete?.({
        duration: duration(started, time()),
        destination: this.name,
        action: actionSlug,
        subscribe: subscription.subscribe,
        input: {
          data: events,
          mapping: input.mapping,
          settings: input.settings,
        },
        output: results,
      } as SubscriptionStats);
    }
  }

  /** Runs every subscription; with OAuth, a 401 refreshes the token and runs them again once. */
  async onSubscriptions(
    data: Bag | Bag[],
    settings: Bag,
    options?: OnEventOptions,
  ): Promise<Result[]> {
    const subscriptions = this.getSubscriptions(settings);
    const destinationSettings = this.getDestinationSettings(settings);
    this.validateSettings(destinationSettings as Settings);
    const run = async (current: Bag) => {
      const auth = getAuthData(current);
      const results = await Promise.all(
        subscriptions.map((subscription) =>
          this.onSubscription(
            subscription,
            data,
            destinationSettings,
            auth,
            options,
          )
        ),
      );
      return results.flat();
    };
    return await withTokenRefresh(
      settings,
      run,
      this.#refreshPolicy(options, hasUnauthorizedItem),
    );
  }

  /** Returns `settings.subscription` as a list, else `settings.subscriptions` when it is an array, else `[]`. */
  getSubscriptions(settings: Bag): Subscription[] {
    const { subscription, subscriptions } = settings;
    if (subscription) return [subscription];
    return Array.isArray(subscriptions) ? subscriptions : [];
  }

  /** Returns the settings without `subscriptions` and `oauth`. */
  getDestinationSettings(settings: Bag): Bag {
    // Segment leaves out `subcription` (sic) rather than `subscription`; so does the drop-in.
    const { subcription: _a, subscriptions: _b, oauth: _c, ...rest } = settings;
    return rest;
  }

  async #onDelete(
    event: Bag,
    settings: Bag,
    options?: OnEventOptions,
  ): Promise<Result> {
    const { userId, anonymousId } = event;
    const payload = { userId, anonymousId };
    const destinationSettings = this.getDestinationSettings(settings);
    this.validateSettings(destinationSettings as Settings);
    const run = async (current: Bag) => {
      const auth = getAuthData(current);
      const context = { settings: destinationSettings, payload, auth };
      const request = this.#client(context);
      const result = await this.definition.onDelete?.(request, {
        payload,
        settings: destinationSettings as Settings,
        auth,
      });
      return result ?? { output: "no onDelete defined" };
    };
    return await withTokenRefresh(
      settings,
      run,
      this.#refreshPolicy<Result>(options, never),
    );
  }

  async #audienceCall(
    which: "createAudience" | "getAudience",
    input: Bag,
  ): Promise<unknown> {
    const config = (this.definition as Bag).audienceConfig;
    if (!config || !("createAudience" in config && "getAudience" in config)) {
      throw new Error(`Unexpected call to ${which}`);
    }
    const audienceSettings = input.audienceSettings;
    if (
      which === "createAudience" && audienceSettings &&
      Object.keys(audienceSettings).length > 0
    ) {
      validateSchema(
        audienceSettings,
        fieldsToJsonSchema((this.definition as Bag).audienceFields),
        { exempt: EXEMPT },
      );
    }
    const destinationSettings = this.getDestinationSettings(input.settings);
    const run = async (current: Bag) => {
      const context = {
        audienceSettings,
        settings: destinationSettings,
        payload: undefined,
        auth: getAuthData(current),
      };
      return await config[which](this.#client(context), input);
    };
    return await withTokenRefresh(
      input.settings as Bag,
      run,
      this.#refreshPolicy<unknown>(undefined, never),
    );
  }

  /**
   * Compiles a subscription on core's subscription compiler with Segment's checks: `enabled`
   * ignored, only the query checked before the event (an unknown action runs to `[]`), the
   * mapping kept as written for the action to read per event.
   */
  #compileSubscription(
    subscription: Subscription,
  ): CompiledSubscription<string, Bag> {
    return compileSubscription(subscription, 0, {
      destination: this.name,
      checks: "segment",
      findAction: (key) => key,
      compileQuery(query) {
        const parsed = parseSubscription(query);
        if (parsed.error !== undefined) throw parsed.error;
        return parsed.matches;
      },
      compileMapping: (mapping) => mapping,
    });
  }

  #client(context: Bag) {
    const options = this.extendRequest?.(context as never) ?? {};
    return createSegmentClient({ fetch: this.#fetch }, [options]);
  }

  #isOAuth(): boolean {
    const scheme = this.authentication?.scheme;
    return scheme === "oauth2" || scheme === "oauth-managed";
  }

  /**
   * Segment's OAuth retry: up to 2 attempts; a thrown 401 (status or response status) or,
   * when `failedAuth` says so, a resolved outcome refreshes the tokens, even after the last attempt.
   */
  #refreshPolicy<T>(
    options: OnEventOptions | undefined,
    failedAuth: (outcome: T) => boolean,
  ): RefreshRetryPolicy<Bag, T> {
    return {
      attempts: MAX_ATTEMPTS,
      refreshAfterLast: true,
      failedAuth: (outcome) => this.#isOAuth() && failedAuth(outcome),
      isAuthError: (error) => {
        const typed = error as Bag;
        const status = typed?.status ?? typed?.response?.status ?? 500;
        return status === 401 && this.#isOAuth();
      },
      refresh: async (settings) => ({
        context: await this.#handleAuthError(settings, options),
      }),
    };
  }

  async #handleAuthError(
    settings: Bag,
    options?: OnEventOptions,
  ): Promise<Bag> {
    const tokens = await this.refreshAccessToken(
      this.getDestinationSettings(settings) as Settings,
      getOAuth2Data(settings),
      options?.synchronizeRefreshAccessToken,
    );
    if (!tokens) {
      throw new InvalidAuthenticationError(
        "Failed to refresh access token",
        ErrorCodes.OAUTH_REFRESH_FAILED,
      );
    }
    await options?.onTokenRefresh?.(tokens);
    return updateOAuthSettings(settings, tokens);
  }
}

/** Returns settings without `oauth`, then `oauth` again with the new tokens written into it. */
function updateOAuthSettings(
  settings: Bag,
  tokens: RefreshAccessTokenResult,
): Bag {
  const { oauth, ...rest } = settings;
  if (oauth) {
    // Segment writes the tokens into the caller's `oauth` object; so does the drop-in.
    oauth.access_token = tokens.accessToken;
    if (tokens.refreshToken) oauth.refresh_token = tokens.refreshToken;
    rest.oauth = oauth;
  }
  return rest;
}
