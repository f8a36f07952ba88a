// Full runs: createDestination(...).onEvent/onBatch with a password setting, hostile events,
// mappings and perform outcomes, against the fake partner.
import fc from "fast-check";
import {
  createDestination,
  type DestinationDefinition,
  type EventResult,
  IntegrationError,
  type RequestClient,
} from "@destkit/core";
import { mappingArbitrary } from "../_mappings.ts";
import {
  partnerArbitrary,
  partnerFetch,
  type PartnerLog,
  type PartnerScript,
} from "../_partner.ts";
import { hostileEvent, objectOf } from "../_values.ts";
import { describe, OK, type Outcome, TYPED, untyped } from "../_outcome.ts";
import type { SizeLimits, Target } from "./_target.ts";

const URL_MODES = ["path", "query", "header", "basic", "body"] as const;
const BEHAVIOURS = ["request", "throw", "throw-response", "return"] as const;
const THROWN = [
  "error-with-secret",
  "typed-with-secret",
  "string-with-secret",
  "to-string-key",
  "null-prototype",
  "null",
  "undefined",
  "symbol",
  "throwing-getter",
] as const;

interface DestinationInput {
  secret: string;
  urlMode: typeof URL_MODES[number];
  behaviour: typeof BEHAVIOURS[number];
  thrown: typeof THROWN[number];
  partner: PartnerScript;
  retryLimit: number;
  batch: boolean;
  events: unknown[];
  query: string;
  mapping?: unknown;
}

const DEFAULT_MAPPING = {
  email: { "@path": "$.traits.email" },
  note: { "@path": "$.properties.note" },
  count: { "@path": "$.properties.a" },
  tags: { "@path": "$.properties.items" },
  meta: { "@path": "$.properties" },
};

/** `onEvent` and `onBatch` of a destination with a password setting. */
export const destinationTarget: Target = {
  name: "destination",
  arbitrary(limits: SizeLimits) {
    const small = {
      maxHuge: Math.min(limits.maxHuge, 100_000),
      maxNest: Math.min(limits.maxNest, 1_000),
    };
    const event = hostileEvent(small).filter((value) =>
      typeof value === "object" && value !== null
    );
    return fc.record({
      secret: fc.stringMatching(/^[a-z0-9]{12}$/).map((value) =>
        `sk_fuzz_${value}`
      ),
      urlMode: fc.constantFrom(...URL_MODES),
      behaviour: fc.constantFrom(...BEHAVIOURS),
      thrown: fc.constantFrom(...THROWN),
      partner: partnerArbitrary(limits.maxHuge),
      retryLimit: fc.constantFrom(0, 0, 1, 3),
      batch: fc.boolean(),
      events: fc.array(event, { minLength: 1, maxLength: 5 }),
      query: fc.constantFrom(
        'type = "track"',
        'type = "track" or type = "identify"',
        'event = "Order Completed"',
        '!(type = "x")',
      ),
      mapping: mappingArbitrary({ ...small, maxChain: 3 }),
    }, {
      requiredKeys: [
        "secret",
        "urlMode",
        "behaviour",
        "thrown",
        "partner",
        "retryLimit",
        "batch",
        "events",
        "query",
      ],
    });
  },
  run(input: unknown): Promise<Outcome> {
    return runDestination(input as DestinationInput);
  },
};

function thrownValue(
  kind: DestinationInput["thrown"],
  secret: string,
): unknown {
  switch (kind) {
    case "error-with-secret":
      return new Error(`Cannot use key ${secret}: rejected`, {
        cause: { key: secret },
      });
    case "typed-with-secret":
      return new IntegrationError(
        `Cannot use key ${secret}: rejected`,
        "REJECTED",
        400,
      );
    case "string-with-secret":
      return `key ${secret} rejected`;
    case "to-string-key":
      return JSON.parse('{"toString":1,"valueOf":1,"message":{"toString":1}}');
    case "null-prototype":
      return objectOf([["message", 1]], true);
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "symbol":
      return Symbol("thrown");
    case "throwing-getter":
      return Object.defineProperty({}, "message", {
        get() {
          throw new Error("getter");
        },
      });
  }
}

function definitionFor(input: DestinationInput): DestinationDefinition {
  const { secret, urlMode, behaviour, thrown, retryLimit } = input;
  async function send(
    request: RequestClient,
    settings: Record<string, unknown>,
    payload: unknown,
  ) {
    if (behaviour === "throw") throw thrownValue(thrown, secret);
    if (behaviour === "return") return payload;
    const key = String(settings.apiKey);
    const url = urlMode === "path"
      ? `https://api.partner.test/v1/${key}/track`
      : urlMode === "query"
      ? `https://api.partner.test/track?api_key=${key}`
      : "https://api.partner.test/track";
    const response = await request(url, {
      method: "post",
      json: urlMode === "body" ? { key, payload } : payload,
      ...(urlMode === "basic" ? { username: "user", password: key } : {}),
      retry: { limit: retryLimit, baseMs: 1, maxMs: 5 },
      throwHttpErrors: behaviour !== "throw-response",
    });
    if (behaviour === "throw-response") throw response.data;
    return response;
  }
  return {
    name: "Fuzz",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: {
        apiKey: { label: "API key", type: "password", required: true },
      },
    },
    extendRequest: ({ settings }: { settings: Record<string, unknown> }) =>
      urlMode === "header"
        ? { headers: { "x-api-key": String(settings.apiKey) } }
        : {},
    actions: {
      send: {
        title: "Send",
        description: "Send",
        defaultSubscription: 'type = "track"',
        fields: {
          email: { label: "Email", type: "string", format: "email" },
          note: { label: "Note", type: "string", minLength: 1, maxLength: 200 },
          count: { label: "Count", type: "integer", minimum: 0 },
          tags: { label: "Tags", type: "string", multiple: true },
          meta: { label: "Meta", type: "object" },
        },
        perform: (
          request: RequestClient,
          { settings, payload }: {
            settings: Record<string, unknown>;
            payload: unknown;
          },
        ) => send(request, settings, payload),
        performBatch: (
          request: RequestClient,
          { settings, payload }: {
            settings: Record<string, unknown>;
            payload: unknown;
          },
        ) => send(request, settings, payload),
      },
    },
  } as unknown as DestinationDefinition;
}

async function runDestination(input: DestinationInput): Promise<Outcome> {
  const { secret, events, batch } = input;
  const log: PartnerLog = { leaks: [], calls: 0 };
  const logged: string[] = [];
  const completions: unknown[] = [];
  const logger = {
    debug: (message: string, data?: unknown) =>
      logged.push(message + safeInspect(data)),
    info: (message: string, data?: unknown) =>
      logged.push(message + safeInspect(data)),
    warn: (message: string, data?: unknown) =>
      logged.push(message + safeInspect(data)),
    error: (message: string, data?: unknown) =>
      logged.push(message + safeInspect(data)),
  };
  const destination = createDestination(definitionFor(input), {
    fetch: partnerFetch(input.partner, secret, log),
    logger,
    onComplete: (info) => completions.push(info),
    timeout: 2_000,
  });
  const settings = {
    apiKey: secret,
    subscriptions: [{
      subscribe: input.query,
      partnerAction: "send",
      mapping: (input.mapping ?? DEFAULT_MAPPING) as Record<string, unknown>,
    }],
  };
  let results: EventResult[];
  const call = batch ? "onBatch()" : "onEvent()";
  try {
    results = batch
      ? await destination.onBatch(events as object[], settings)
      : await destination.onEvent(events[0] as object, settings);
  } catch (error) {
    const text = describe(error);
    if (text.includes(secret)) {
      return untyped(`${call} rejected, with the password in the error`);
    }
    return untyped(`${call} rejected: ${text}`);
  }
  if (!Array.isArray(results)) {
    return untyped(`${call} returned ${describe(results)}`);
  }
  if (batch && results.length !== events.length) {
    return untyped(
      `onBatch() returned ${results.length} results for ${events.length} events`,
    );
  }
  if (!batch && results.length !== 1) {
    return untyped(
      `onEvent() returned ${results.length} results for one subscription`,
    );
  }
  for (const result of results) {
    const problem = shapeProblem(result);
    if (problem !== undefined) {
      return untyped(`${call} returned a result ${problem}`);
    }
    const code = result.error?.code;
    // perform throwing a value that is not a library error is what UNKNOWN_ERROR is for.
    const throwsRaw = input.behaviour === "throw" ||
      input.behaviour === "throw-response";
    if (code === "UNKNOWN_ERROR" && !throwsRaw) {
      return untyped(
        `${call} reported UNKNOWN_ERROR (an untyped error inside the runtime): ${result.error?.message}`,
      );
    }
  }
  if (log.leaks.length > 0) return untyped(log.leaks[0]);
  const places: Array<[string, unknown]> = [
    ["a result", results.map(withoutRequests)],
    ["the logger output", logged],
    ["the onComplete info", completions.map(completionWithoutRequests)],
  ];
  for (const [where, value] of places) {
    if (holds(value, secret)) {
      return untyped(
        `The password setting appears in ${where} (url mode ${input.urlMode}, behaviour ${input.behaviour}${
          input.behaviour === "throw" ? ` ${input.thrown}` : ""
        })`,
      );
    }
  }
  // A result that reports a (typed) error is a typed failure; the checks above passed.
  return results.some((result) => result.error !== undefined) ? TYPED : OK;
}

const STATUSES = new Set([
  "delivered",
  "invalid",
  "misconfigured",
  "failed",
  "skipped",
  "unmatched",
]);

function shapeProblem(result: EventResult): string | undefined {
  if (typeof result !== "object" || result === null) {
    return `that is ${describe(result)}`;
  }
  if (!STATUSES.has(result.status)) {
    return `with status ${describe(result.status)}`;
  }
  if (!Array.isArray(result.warnings)) return "without a warnings array";
  const error = result.error;
  if (error === undefined) {
    return result.status === "failed" || result.status === "invalid"
      ? `"${result.status}" without an error`
      : undefined;
  }
  if (typeof error.message !== "string") {
    return "whose error message is not a string";
  }
  if (typeof error.code !== "string") return "whose error code is not a string";
  if (typeof error.status !== "number") {
    return "whose error status is not a number";
  }
  if (typeof error.retryable !== "boolean") {
    return "whose error retryable is not a boolean";
  }
  if (result.results !== undefined) {
    for (const inner of result.results) {
      const problem = shapeProblem(inner);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

// Recorded requests keep their headers unredacted by design; they are left out of the scan.
function withoutRequests(result: EventResult): unknown {
  const { requests: _requests, results, ...rest } = result;
  return results === undefined
    ? rest
    : { ...rest, results: results.map(withoutRequests) };
}

function completionWithoutRequests(info: unknown): unknown {
  const { results, ...rest } = info as { results: EventResult[] };
  return { ...rest, results: results.map(withoutRequests) };
}

/**
 * Whether `secret` is in any string, key or error text reachable from `value`. A walk, not
 * `JSON.stringify`: results share a partner's body, which text would copy once per result
 * (a 5 MB body in a batch took the scan 430 ms, more than the run it checks).
 */
function holds(value: unknown, secret: string): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (item.includes(secret)) return true;
      continue;
    }
    if (typeof item !== "object" || item === null) {
      if (safeText(item).includes(secret)) return true;
      continue;
    }
    if (seen.has(item)) continue;
    seen.add(item);
    try {
      if (item instanceof Error) {
        stack.push(item.message, item.stack, item.cause);
      }
      for (const key of Object.keys(item)) {
        if (key.includes(secret)) return true;
        stack.push((item as Record<string, unknown>)[key]);
      }
    } catch {
      if (safeInspect(item).includes(secret)) return true;
    }
  }
  return false;
}

function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

function safeInspect(value: unknown): string {
  if (value === undefined) return "";
  try {
    return ` ${
      Deno.inspect(value, { depth: 6, strAbbreviateSize: 1_000_000 })
    }`;
  } catch {
    return " (uninspectable)";
  }
}
