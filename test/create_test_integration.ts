import {
  type AuthenticationResult,
  type AuthTokens,
  createDestination,
  type Destination,
  type DestinationDefinition,
  type EventResult,
  type InferFields,
  type InputFields,
  type RecordedRequest,
  type RefreshAccessTokenResult,
  type SegmentEvent,
  type Subscription,
} from "@destkit/core";
import { createTestEvent } from "./create_test_event.ts";
import {
  createInterceptor,
  type Interceptor,
  type Scope,
} from "./interceptor.ts";

/** Options of every `test*` call. */
export interface TestCallOptions {
  /** Whether the call fails when a declared expectation was not used. @default {true} */
  assertDone?: boolean;
}

/** The input of {@linkcode TestIntegration.testAction}. */
export interface TestActionInput<S> extends TestCallOptions {
  /** Merged into {@linkcode createTestEvent}'s event. */
  event?: Partial<SegmentEvent> & Record<string, unknown>;
  /** The mapping. @default {{}} (Segment's default; see `useDefaultMappings`) */
  mapping?: Record<string, unknown>;
  /** The destination settings. @default {{}} */
  settings?: S;
  /** Whether the fields' defaults fill the mapping (`mapping` wins). @default {false} */
  useDefaultMappings?: boolean;
  /** OAuth tokens. */
  auth?: AuthTokens;
}

/** The input of {@linkcode TestIntegration.testBatchAction}. */
export interface TestBatchActionInput<S>
  extends Omit<TestActionInput<S>, "event"> {
  /** Each merged into {@linkcode createTestEvent}'s event. @default {[{}]} */
  events?: (Partial<SegmentEvent> & Record<string, unknown>)[];
}

/** What a test call returns: the result(s) and every request the call made, with its response. */
export interface TestActionResult extends EventResult {
  /** Every request made during the call (OAuth refreshes included), in order. */
  requests: RecordedRequest[];
}

/** What {@linkcode TestIntegration.testBatchAction}, `onBatch` and `onEvent` return. */
export interface TestBatchResult {
  /** One result per event (per subscription for `onEvent`). */
  results: EventResult[];
  /** Every request made during the call. */
  requests: RecordedRequest[];
}

/**
 * A destination under test: its requests go to declared expectations
 * (`integration.intercept(origin).post(path).reply(...)`), never to the network.
 * Each call fails when a request matched no expectation, and (unless
 * `assertDone: false`) when an expectation declared before it was not used.
 */
export class TestIntegration<S> {
  /** The running destination (its `fetch` is the interceptor's). */
  readonly destination: Destination<S>;
  /** The expectations and the requests seen. */
  readonly interceptor: Interceptor;
  readonly #definition: DestinationDefinition;
  readonly #assertDone: boolean;

  constructor(
    definition: DestinationDefinition,
    options: TestCallOptions = {},
  ) {
    this.interceptor = createInterceptor();
    this.#definition = definition;
    this.#assertDone = options.assertDone ?? true;
    this.destination = createDestination(definition, {
      fetch: this.interceptor.fetch,
    }) as unknown as Destination<S>;
  }

  /** Starts expectations for `origin`; see {@linkcode Interceptor.intercept}. */
  intercept(origin: string | RegExp): Scope {
    return this.interceptor.intercept(origin);
  }

  /** Throws unless every expectation was used and no request was unexpected. */
  assertDone(): void {
    this.interceptor.assertDone();
  }

  /** Runs one action on a test event, as Segment's `testAction` does. */
  testAction(
    name: string,
    input: TestActionInput<S> = {},
  ): Promise<TestActionResult> {
    return this.#run(input, async () => {
      const result = await this.destination.executeAction(name, {
        event: createTestEvent(input.event),
        mapping: this.#mapping(name, input),
        settings: input.settings ?? ({} as S),
        auth: input.auth,
      }, { recordRequests: true });
      return result;
    }, (result, requests) => ({ ...result, requests }));
  }

  /** Runs one action on a batch of test events: one result per event. */
  testBatchAction(
    name: string,
    input: TestBatchActionInput<S> = {},
  ): Promise<TestBatchResult> {
    const events =
      (input.events === undefined || input.events.length === 0
        ? [{}]
        : input.events).map((event) => createTestEvent(event));
    return this.#run(
      input,
      () =>
        this.destination.executeBatch(name, {
          events,
          mapping: this.#mapping(name, input),
          settings: input.settings ?? ({} as S),
          auth: input.auth,
        }, { recordRequests: true }),
      (results, requests) => ({ results, requests }),
    );
  }

  /** Runs an event through the subscriptions of `settings`, as the platform does. */
  onEvent(
    event: object,
    settings: S & {
      subscriptions?: readonly Subscription[];
      subscription?: Subscription;
    },
    options: TestCallOptions = {},
  ): Promise<TestBatchResult> {
    return this.#run(
      options,
      () => this.destination.onEvent(event, settings, { recordRequests: true }),
      (results, requests) => ({ results, requests }),
    );
  }

  /** Runs a batch through the subscriptions of `settings`. */
  onBatch(
    events: readonly object[],
    settings: S & {
      subscriptions?: readonly Subscription[];
      subscription?: Subscription;
    },
    options: TestCallOptions = {},
  ): Promise<TestBatchResult> {
    return this.#run(
      options,
      () =>
        this.destination.onBatch(events, settings, { recordRequests: true }),
      (results, requests) => ({ results, requests }),
    );
  }

  /** Runs `testAuthentication` with `settings`. */
  testAuthentication(
    settings: S,
    options: TestCallOptions = {},
  ): Promise<AuthenticationResult & { requests: RecordedRequest[] }> {
    return this.#run(
      options,
      () => this.destination.testAuthentication(settings),
      (result, requests) => ({
        ...result,
        requests,
      }),
    );
  }

  /** Runs `onDelete` for the ids of `event`. */
  onDelete(
    event: { userId?: string | null; anonymousId?: string | null },
    settings: S,
    options: TestCallOptions = {},
  ): Promise<TestActionResult> {
    return this.#run(
      options,
      () => this.destination.onDelete(event, settings),
      (result, requests) => ({
        ...result,
        requests,
      }),
    );
  }

  /**
   * Runs `refreshAccessToken`.
   *
   * @throws {InvalidAuthenticationError} when the refresh failed (after the request checks).
   */
  refreshAccessToken(
    settings: S,
    auth: AuthTokens,
    options: TestCallOptions = {},
  ): Promise<
    { tokens: RefreshAccessTokenResult; requests: RecordedRequest[] }
  > {
    return this.#run(
      options,
      () => this.destination.refreshAccessToken(settings, auth),
      (tokens, requests) => ({
        tokens,
        requests,
      }),
    );
  }

  #mapping(name: string, input: TestActionInput<S>): Record<string, unknown> {
    const mapping = input.mapping ?? {};
    if (!input.useDefaultMappings) return mapping;
    const fields: InputFields = this.#definition.actions[name]?.fields ?? {};
    const defaults: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      if (field.default !== undefined) defaults[key] = field.default;
    }
    return { ...defaults, ...mapping };
  }

  async #run<T, R>(
    options: TestCallOptions,
    call: () => Promise<T>,
    shape: (value: T, requests: RecordedRequest[]) => R,
  ): Promise<R> {
    const before = this.interceptor.requests.length;
    let value: T;
    try {
      value = await call();
    } finally {
      this.interceptor.assertNoUnexpected();
    }
    if (options.assertDone ?? this.#assertDone) this.interceptor.assertDone();
    return shape(value, this.interceptor.requests.slice(before));
  }
}

/**
 * Returns a test integration of `definition`: `testAction`, `testBatchAction`,
 * `onEvent`, `onBatch`, `testAuthentication`, `onDelete`, `refreshAccessToken`, each
 * returning the results and the requests made, with HTTP answered by
 * `integration.intercept(...)` expectations.
 *
 * @example
 * ```ts
 * import { createTestIntegration } from "@destkit/test";
 * import { defineDestination } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const destination = defineDestination({
 *   name: "Acme",
 *   mode: "cloud",
 *   actions: {
 *     track: {
 *       title: "Track",
 *       fields: { name: { label: "Name", type: "string", required: true, default: { "@path": "$.event" } } },
 *       perform: (request, { payload }) =>
 *         request("https://api.example.com/v1/track", { method: "post", json: payload }),
 *     },
 *   },
 * });
 * const integration = createTestIntegration(destination);
 * integration.intercept("https://api.example.com").post("/v1/track", { name: "Test Event" }).reply(200, { ok: true });
 *
 * const result = await integration.testAction("track", { useDefaultMappings: true });
 * assert.equal(result.status, "delivered");
 * assert.deepEqual(result.requests[0].json, { name: "Test Event" });
 * ```
 */
export function createTestIntegration<
  const A extends InputFields = Record<never, never>,
  const Acts extends Record<string, InputFields> = Record<never, never>,
>(
  definition: DestinationDefinition<A, Acts>,
  options?: TestCallOptions,
): TestIntegration<
  string extends keyof A ? Record<string, unknown> : InferFields<A>
> {
  return new TestIntegration(
    definition as unknown as DestinationDefinition,
    options,
  );
}
