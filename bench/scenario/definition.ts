/**
 * The bench-webhook destination in destkit's definition format, which is
 * Segment's: the same object runs on destkit's `createDestination` and on
 * `new Destination(definition)` of `@segment/actions-core`. The partner
 * endpoint (the loopback sink) is bound when the definition is created, so the
 * settings stay exactly `{ apiKey }`.
 *
 * @module
 */

/** The API key every measure sends as a Bearer token. */
export const API_KEY = "bench_sk_live_4f9c2a7d1e8b6035";

/** The `Authorization` header the sink expects on every request. */
export const AUTHORIZATION = `Bearer ${API_KEY}`;

/** The fields of `sendEvent`, in payload key order; each `default` is its mapping. */
export const FIELDS = {
  event_name: {
    label: "Event Name",
    description: "Name of the track event.",
    type: "string",
    required: true,
    default: { "@path": "$.event" },
  },
  user_id: {
    label: "User ID",
    description:
      "Segment userId, falling back to anonymousId for anonymous users.",
    type: "string",
    required: true,
    default: {
      "@if": {
        exists: { "@path": "$.userId" },
        then: { "@path": "$.userId" },
        else: { "@path": "$.anonymousId" },
      },
    },
  },
  message_id: {
    label: "Message ID",
    description: "Segment messageId (deduplication key).",
    type: "string",
    required: true,
    default: { "@path": "$.messageId" },
  },
  timestamp: {
    label: "Timestamp",
    description: "When the event happened.",
    type: "datetime",
    required: true,
    default: { "@path": "$.timestamp" },
  },
  revenue: {
    label: "Revenue",
    description: "Order revenue (only on order events).",
    type: "number",
    default: { "@path": "$.properties.revenue" },
  },
  logged_in: {
    label: "Logged In",
    description: "Whether the visitor was logged in.",
    type: "boolean",
    default: { "@path": "$.properties.logged_in" },
  },
  page_url: {
    label: "Page URL",
    description: "URL of the page the event happened on.",
    type: "string",
    format: "uri",
    default: { "@path": "$.context.page.url" },
  },
  label: {
    label: "Label",
    description: "Human-readable label built from the category and event name.",
    type: "string",
    default: { "@template": "{{properties.category}} / {{event}}" },
  },
  user: {
    label: "User",
    description: "User traits.",
    type: "object",
    properties: {
      email: { label: "Email", type: "string" },
      name: { label: "Name", type: "string" },
      plan: {
        label: "Plan",
        type: "string",
        choices: ["free", "starter", "pro", "enterprise"],
      },
    },
    default: {
      email: { "@path": "$.context.traits.email" },
      name: {
        "@if": {
          exists: { "@path": "$.context.traits.first_name" },
          then: {
            "@template":
              "{{context.traits.first_name}} {{context.traits.last_name}}",
          },
        },
      },
      plan: { "@path": "$.context.traits.plan" },
    },
  },
  products: {
    label: "Products",
    description: "Products in the event.",
    type: "object",
    multiple: true,
    properties: {
      product_id: { label: "Product ID", type: "string", required: true },
      sku: { label: "SKU", type: "string" },
      name: { label: "Name", type: "string" },
      price: { label: "Price", type: "number" },
      quantity: { label: "Quantity", type: "integer" },
    },
    default: {
      "@arrayPath": [
        "$.properties.products",
        {
          product_id: { "@path": "$.product_id" },
          sku: { "@path": "$.sku" },
          name: { "@path": "$.name" },
          price: { "@path": "$.price" },
          quantity: { "@path": "$.quantity" },
        },
      ],
    },
  },
  coupon: {
    label: "Coupon",
    description: "Coupon code, when one was used.",
    type: "string",
    default: {
      "@if": {
        exists: { "@path": "$.properties.coupon" },
        then: { "@path": "$.properties.coupon" },
      },
    },
  },
} as const;

/** A mapping as stored in a subscription: field key to literal or directive. */
export type Mapping = Record<string, unknown>;

/** Returns the subscription mapping a user gets by accepting every field's default. */
export function defaultMapping(
  fields: Record<string, { default?: unknown }> = FIELDS,
): Mapping {
  const mapping: Mapping = {};
  for (const key of Object.keys(fields)) {
    if (fields[key].default !== undefined) mapping[key] = fields[key].default;
  }
  return mapping;
}

/** A subscription as Segment stores it: a query, the action it triggers, a mapping. */
export type Subscription = {
  name: string;
  subscribe: string;
  partnerAction: string;
  mapping: Mapping;
  enabled?: boolean;
};

/** The only subscription: every `track` event goes to `sendEvent` with the default mapping. */
export const SUBSCRIPTION: Subscription = {
  name: "Send Event",
  subscribe: 'type = "track"',
  partnerAction: "sendEvent",
  mapping: defaultMapping(),
};

/** Settings as passed to `onEvent`/`onBatch`: the auth fields plus the subscriptions. */
export type BenchSettings = {
  apiKey: string;
  subscriptions: Subscription[];
};

/** Returns the settings every `onEvent`/`onBatch` call gets. */
export function settingsWithSubscriptions(): BenchSettings {
  return { apiKey: API_KEY, subscriptions: [SUBSCRIPTION] };
}

/** The request function a runtime hands to `perform` (the subset the scenario uses). */
export type BenchRequest = (
  url: string,
  options: { method: "post"; json: unknown },
) => Promise<unknown>;

/** What `perform` receives besides the request function (the subset the scenario uses). */
export interface BenchPerformData<P> {
  payload: P;
}

/** A `perform` of `sendEvent`. */
export type BenchPerform = (
  request: BenchRequest,
  data: BenchPerformData<unknown>,
) => unknown;

/** Options for {@linkcode createDefinition}. */
export interface CreateDefinitionOptions {
  /** Base URL of the sink, such as `http://127.0.0.1:18090`. */
  endpoint: string;
  /** Replaces the real `perform` (the no-I/O measures). @default {POST `${endpoint}/track`} */
  perform?: BenchPerform;
  /** Replaces the real `performBatch`. @default {POST `${endpoint}/batch` with `{ batch }`} */
  performBatch?: BenchPerform;
}

/**
 * Returns the bench-webhook destination definition bound to `endpoint`.
 *
 * @example
 * ```ts
 * import { createDefinition } from "./definition.ts";
 * import assert from "node:assert/strict";
 *
 * const definition = createDefinition({ endpoint: "http://127.0.0.1:18090" });
 * assert.deepEqual(Object.keys(definition.actions), ["sendEvent"]);
 * ```
 */
export function createDefinition(options: CreateDefinitionOptions) {
  const { endpoint, perform, performBatch } = options;
  return {
    name: "bench-webhook",
    slug: "actions-bench-webhook",
    mode: "cloud" as const,
    description:
      "Benchmark webhook destination: POSTs a mapped JSON payload to a loopback sink.",
    authentication: {
      scheme: "custom" as const,
      fields: {
        apiKey: {
          label: "API Key",
          description: "Secret key sent as a Bearer token.",
          type: "string",
          required: true,
        },
      } as const,
    },
    extendRequest({ settings }: { settings: { apiKey: string } }) {
      return { headers: { Authorization: `Bearer ${settings.apiKey}` } };
    },
    actions: {
      sendEvent: {
        title: "Send Event",
        description: "Send a track event to the bench webhook.",
        defaultSubscription: 'type = "track"',
        fields: FIELDS,
        perform: perform ??
          ((request: BenchRequest, { payload }: BenchPerformData<unknown>) =>
            request(`${endpoint}/track`, { method: "post", json: payload })),
        performBatch: performBatch ??
          ((request: BenchRequest, { payload }: BenchPerformData<unknown[]>) =>
            request(`${endpoint}/batch`, {
              method: "post",
              json: { batch: payload },
            })),
      },
    },
  };
}
