// Segment's test helpers: `createTestEvent` and `createTestIntegration`.
import { Destination, type SegmentDestinationOptions } from "./_destination.ts";
import type { SegmentEvent } from "./_json.ts";
import type { DecoratedResponse } from "./_request_client.ts";
import type { DestinationDefinition, Result } from "./_types.ts";

// deno-lint-ignore no-explicit-any
type Bag = Record<string, any>;

/** Returns a track event with Segment's test values (fresh `messageId`, current timestamps), `event` merged over it. */
export function createTestEvent(
  event: Partial<SegmentEvent> = {},
): SegmentEvent {
  const now = new Date().toISOString();
  return {
    anonymousId: "anonId1234",
    context: {
      ip: "8.8.8.8",
      library: { name: "analytics.js", version: "2.11.1" },
      locale: "en-US",
      location: {
        city: "San Francisco",
        country: "United States",
        latitude: 40.2964197,
        longitude: -76.9411617,
        speed: 0,
      },
      page: {
        path: "/academy/",
        referrer: "",
        search: "",
        title: "Analytics Academy",
        url: "https://segment.com/academy/",
      },
      timezone: "Europe/Amsterdam",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 9_1 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13B143 Safari/601.1",
    },
    event: "Test Event",
    messageId: crypto.randomUUID(),
    properties: {},
    receivedAt: now,
    sentAt: now,
    timestamp: now,
    traits: {},
    type: "track",
    userId: "user1234",
    ...event,
  } as SegmentEvent;
}

/** Input of `testAction` and `testBatchAction`. */
export interface TestActionInput {
  event?: Partial<SegmentEvent>;
  events?: Partial<SegmentEvent>[];
  mapping?: Bag;
  settings?: Bag;
  useDefaultMappings?: boolean;
  auth?: Bag;
  features?: Bag;
  statsContext?: Bag;
  logger?: Bag;
  engageDestinationCache?: Bag;
  transactionContext?: Bag;
  stateContext?: Bag;
  subscriptionMetadata?: Bag;
}

const noop = () => {};

/** A destination for tests: `testAction` and `testBatchAction` return the responses received. */
export class TestDestination<Settings = Bag, AudienceSettings = Bag>
  extends Destination<Settings, AudienceSettings> {
  /** The results of the last `testAction`/`testBatchAction`. */
  results: Result[] = [];

  /** Runs a dynamic field. */
  async testDynamicField(
    action: string,
    fieldKey: string,
    data: Bag,
    dynamicFn?: never,
  ): Promise<unknown> {
    return await this.executeDynamicField(action, fieldKey, data, dynamicFn);
  }

  /** Runs one test event through `action`; returns the responses it received. */
  async testAction(
    action: string,
    input: TestActionInput,
  ): Promise<DecoratedResponse[]> {
    this.results = [];
    this.results = await this.executeAction(action, {
      ...this.#common(action, input, noop),
      event: createTestEvent(input.event),
    });
    return this.#takeResponses();
  }

  /** Runs test events (one track event by default) through `action` as a batch. */
  async testBatchAction(
    action: string,
    input: TestActionInput,
  ): Promise<DecoratedResponse[]> {
    this.results = [];
    const events = input.events?.length
      ? input.events
      : [{ type: "track" as const }];
    const multistatus = await this.executeBatch(action, {
      ...this.#common(action, input, undefined),
      events: events.map((event) => createTestEvent(event)),
    });
    this.results = [{ multistatus }];
    return this.#takeResponses();
  }

  #common(
    action: string,
    input: TestActionInput,
    log: (() => void) | undefined,
  ): Bag {
    let mapping = input.mapping ?? {};
    if (input.useDefaultMappings) {
      const fields = this.definition.actions[action].fields as Bag;
      const defaults: Bag = {};
      for (const key of Object.keys(fields)) {
        defaults[key] = fields[key].default;
      }
      mapping = { ...defaults, ...mapping };
    }
    return {
      mapping,
      settings: input.settings ?? {},
      auth: input.auth,
      features: input.features ?? {},
      statsContext: input.statsContext ?? {},
      logger: input.logger ?? (log ? { info: log, error: log } : {}),
      engageDestinationCache: input.engageDestinationCache ??
        (log ? undefined : {}),
      transactionContext: input.transactionContext ?? {},
      stateContext: input.stateContext ?? {},
      subscriptionMetadata: input.subscriptionMetadata ?? {},
    };
  }

  #takeResponses(): DecoratedResponse[] {
    const responses = this.responses;
    this.responses = [];
    return responses;
  }
}

/** Returns a {@linkcode TestDestination} for `destination`; `options.fetch` intercepts its requests. */
export function createTestIntegration<Settings = Bag, AudienceSettings = Bag>(
  destination: DestinationDefinition<Settings>,
  options?: SegmentDestinationOptions,
): TestDestination<Settings, AudienceSettings> {
  return new TestDestination<Settings, AudienceSettings>(destination, options);
}
