import type { CompileMappingOptions } from "../mapping/mod.ts";
import type { FetchFunction } from "../request/mod.ts";
import type { EventResult } from "./result.ts";
import type { AuthTokens, Logger, RefreshAccessTokenResult } from "./types.ts";

/** How long each stage took for one event (or one batch), in milliseconds. */
export interface StageTimings {
  /** Matching the subscription query. */
  matchMs: number;
  /** Resolving the mapping. */
  mapMs: number;
  /** Validating the payload. */
  validateMs: number;
  /** Running `perform` or `performBatch` (requests included). */
  performMs: number;
  /** The whole call, from start to result. */
  totalMs: number;
}

/** What `onComplete` receives once per event and subscription (or once per batch and subscription). */
export interface CompletionInfo {
  /** The destination's name. */
  destination: string;
  /** `"event"` for `onEvent`/`executeAction`, `"batch"` for `onBatch`/`executeBatch`, else the hook. */
  kind: "event" | "batch" | "delete";
  /** The action that ran, when one did. */
  action?: string;
  /** The subscription's name, when it has one. */
  subscription?: string;
  /** The results: one for an event, one per item for a batch. */
  results: readonly EventResult[];
  /** Where the time went. */
  timings: StageTimings;
}

/** Options of one call; each overrides the destination's option of the same name. */
export interface CallOptions {
  /** Sends the requests; tests pass an intercepting one. @default {globalThis.fetch} */
  fetch?: FetchFunction;
  /** Receives debug, info, warn and error lines; also handed to `perform` as `logger`. */
  logger?: Logger;
  /** Called once per event and subscription with the result and stage timings. */
  onComplete?: (info: CompletionInfo) => void;
  /** Called with the new tokens after an OAuth2 refresh, before the retry; store them here. */
  onTokenRefresh?: (tokens: RefreshAccessTokenResult) => unknown;
  /** Milliseconds a request may take; `false` waits forever. @default {10000} */
  timeout?: number | false;
  /** Aborts the call: requests in flight fail with `ABORTED`, later events are not sent. */
  signal?: AbortSignal;
  /** OAuth tokens to use instead of `settings.oauth`. */
  auth?: AuthTokens;
  /**
   * The largest response body a request of this call reads, in bytes; a longer one fails
   * the request with a `ResponseTooLargeError` (`RESPONSE_TOO_LARGE`, not retryable). It
   * overrides what `extendRequest` sets. @default {33554432} (32 MiB)
   */
  maxResponseBytes?: number;
  /** Whether results carry the requests made (`requests`). @default {false} */
  recordRequests?: boolean;
  /** How many `perform` calls run at once in a batch of an action without `performBatch`. @default {10} */
  batchConcurrency?: number;
}

/** The budgets a subscription's mapping resolves under (see `CompileMappingOptions`). */
export type MappingBudgets = Pick<
  CompileMappingOptions,
  "maxDepth" | "maxOutputSize" | "maxWork"
>;

/** Options of {@linkcode createDestination}: defaults for every call. */
export interface DestinationOptions
  extends Omit<CallOptions, "signal" | "auth"> {
  /**
   * The budgets every subscription's mapping resolves under; past one, the
   * event's result is a typed, non-retryable `MappingBudgetError` or
   * `MappingDepthError`. Set so that no real mapping meets them.
   * @default {{ maxDepth: 500, maxOutputSize: 4_000_000, maxWork: 250_000 }}
   */
  mappingBudgets?: MappingBudgets;
}
