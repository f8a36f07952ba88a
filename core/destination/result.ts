import type { FieldIssue } from "../errors.ts";
import type { ValidationWarning } from "../fields/mod.ts";

/**
 * What became of one event for one subscription or action:
 * - `delivered`: `perform` (or `performBatch`) succeeded; `output` is what it returned;
 * - `invalid`: the mapped payload was rejected; sending it again will not help;
 * - `misconfigured`: the subscription cannot run: its query or mapping is broken
 *   (code `INVALID_SUBSCRIPTION`); fix the settings, the event is not at fault;
 * - `failed`: the settings, the partner or the network failed; `error.retryable` says
 *   whether sending it again may help;
 * - `skipped`: the subscription is disabled (`enabled: false`), or nothing was defined to run;
 * - `unmatched`: the event does not match the subscription's query (or there is no subscription).
 */
export type EventStatus =
  | "delivered"
  | "invalid"
  | "misconfigured"
  | "failed"
  | "skipped"
  | "unmatched";

/** Why an event was not delivered, as plain data. */
export interface ResultError {
  /** What went wrong, naming the field path, URL or setting at fault. */
  message: string;
  /** A machine-readable code such as `PAYLOAD_VALIDATION_FAILED` or `HTTP_ERROR`. */
  code: string;
  /** The HTTP-like status that best describes the failure. */
  status: number;
  /** Whether sending the same event again may succeed. */
  retryable: boolean;
  /** How long to wait before a retry, in milliseconds, when the partner said so. */
  retryAfterMs?: number;
  /** Every failing path of an invalid payload. */
  issues?: FieldIssue[];
}

/** One HTTP exchange a destination made, recorded when the caller asks (`recordRequests`). */
export interface RecordedRequest {
  /** The method, upper case. */
  method: string;
  /** The URL sent. */
  url: string;
  /** The headers sent, lower-case names; not redacted (they may hold credentials). */
  headers: Record<string, string>;
  /** The body sent, when it was text. */
  body?: string;
  /** The body parsed as JSON, when it was sent as JSON. */
  json?: unknown;
  /** The response status, or 0 when none arrived. */
  status: number;
  /** The response, when one arrived. */
  response?: RecordedResponse;
  /** Why the request failed, when it did. */
  error?: string;
}

/** The response part of a {@linkcode RecordedRequest}. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as text. */
  content: string;
  /** The body parsed as JSON for JSON content types, else the text. */
  data: unknown;
}

/**
 * The outcome of one event for one subscription (from `onEvent`), one action call
 * (`executeAction`) or one item of a batch (`onBatch`, `executeBatch`).
 */
export interface EventResult {
  /** The outcome; see {@linkcode EventStatus}. */
  status: EventStatus;
  /** The action that ran (or would have run). */
  action?: string;
  /** The subscription's `name`, when it has one. */
  subscription?: string;
  /** What `perform` returned (a response's parsed body), or a batch item's body. */
  output?: unknown;
  /** Why the event was not delivered. */
  error?: ResultError;
  /** Values the payload validation removed or coerced, each naming its path. */
  warnings: readonly ValidationWarning[];
  /** The requests made for this event, when the caller asked for them. */
  requests?: RecordedRequest[];
  /** In `onBatch` with several subscriptions matching one event: the result of each. */
  results?: EventResult[];
}

/** The outcome of `testAuthentication`. */
export interface AuthenticationResult {
  /** Whether the credentials were accepted (or there is no test to run). */
  ok: boolean;
  /** What `testAuthentication` returned (a response's parsed body). */
  output?: unknown;
  /** Why the credentials or settings were rejected. */
  error?: ResultError;
  /** The requests made, when the caller asked for them. */
  requests?: RecordedRequest[];
}
