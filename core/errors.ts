/**
 * The error codes the runtime reports in a result, as Segment's actions-core
 * names them. The classes below spell their codes out rather than read this
 * table, so that a browser bundle that never reads it leaves it out.
 */
export const ErrorCodes = {
  INTEGRATION_ERROR: "INTEGRATION_ERROR",
  INVALID_AUTHENTICATION: "INVALID_AUTHENTICATION",
  PAYLOAD_VALIDATION_FAILED: "PAYLOAD_VALIDATION_FAILED",
  INVALID_SETTINGS: "INVALID_SETTINGS",
  RETRYABLE_ERROR: "RETRYABLE_ERROR",
  REFRESH_TOKEN_EXPIRED: "REFRESH_TOKEN_EXPIRED",
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  OAUTH_REFRESH_FAILED: "OAUTH_REFRESH_FAILED",
  HTTP_ERROR: "HTTP_ERROR",
  ETIMEDOUT: "ETIMEDOUT",
  NETWORK_ERROR: "NETWORK_ERROR",
  ABORTED: "ABORTED",
  UNKNOWN_ACTION: "UNKNOWN_ACTION",
  INVALID_SUBSCRIPTION: "INVALID_SUBSCRIPTION",
  NOT_IMPLEMENTED: "NOT_IMPLEMENTED",
  UNKNOWN_ERROR: "UNKNOWN_ERROR",
} as const;

/** One of {@linkcode ErrorCodes}, or a code a destination chose. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes] | string;

/**
 * Returns whether a retry may help after a response with `status`: 4xx no
 * (except 408, 423 and 429), 5xx yes (except 501).
 */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 423 || status === 429) return true;
  return status >= 500 && status !== 501;
}

/** Options for {@linkcode IntegrationError}. */
export interface IntegrationErrorOptions {
  /** Whether a retry may help. @default {isRetryableStatus(status)} */
  retryable?: boolean;
  /** How long to wait before a retry, in milliseconds, from `Retry-After`. */
  retryAfterMs?: number;
  /** The error this one wraps. */
  cause?: unknown;
}

/**
 * The base of every error that decides an event's outcome: it carries a
 * `code`, an HTTP-like `status` and whether a retry may help.
 *
 * @example
 * ```ts
 * import { IntegrationError } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const error = new IntegrationError("Cannot send: list \"x\" is archived", "LIST_ARCHIVED", 400);
 * assert.equal(error.retryable, false);
 * ```
 */
export class IntegrationError extends Error {
  override name = "IntegrationError";
  /** A machine-readable code, such as `PAYLOAD_VALIDATION_FAILED`. */
  declare readonly code: ErrorCode;
  /** The HTTP-like status that best describes the failure. */
  declare readonly status: number;
  /** Whether sending the same event again may succeed. */
  declare readonly retryable: boolean;
  /** How long to wait before a retry, in milliseconds, when known. */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    code: ErrorCode = "INTEGRATION_ERROR",
    status = 400,
    options: IntegrationErrorOptions = {},
  ) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    const { retryable = isRetryableStatus(status), retryAfterMs } = options;
    this.code = code;
    this.status = status;
    this.retryable = retryable;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** An error after which sending again may succeed (status 500 unless given). */
export class RetryableError extends IntegrationError {
  override name = "RetryableError";
  constructor(
    message: string,
    status = 500,
    options: IntegrationErrorOptions = {},
  ) {
    super(message, "RETRYABLE_ERROR", status, {
      ...options,
      retryable: true,
    });
  }
}

/** The credentials were rejected; with OAuth2, the runtime refreshes the token once. */
export class InvalidAuthenticationError extends IntegrationError {
  override name = "InvalidAuthenticationError";
  constructor(
    message: string,
    code: ErrorCode = "INVALID_AUTHENTICATION",
    options: IntegrationErrorOptions = {},
  ) {
    super(message, code, 401, { retryable: false, ...options });
  }
}

/** The settings do not fit the destination's authentication fields. */
export class InvalidSettingsError extends IntegrationError {
  override name = "InvalidSettingsError";
  constructor(message: string, options: IntegrationErrorOptions = {}) {
    // Status 400 is not retryable unless options say so.
    super(message, "INVALID_SETTINGS", 400, options);
  }
}

/** A problem with one path of a payload or of settings. */
export interface FieldIssue {
  /** The path at fault, such as `properties.items[2].price`; `""` for the root. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
}

/** Returns one line naming every failing path. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  const parts = issues.map((issue) =>
    issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`
  );
  return `Invalid payload: ${parts.join("; ")}`;
}

/** A payload does not fit the action's fields; `issues` lists every failing path. */
export class PayloadValidationError extends IntegrationError {
  override name = "PayloadValidationError";
  declare readonly issues: FieldIssue[];
  /**
   * Takes the failing paths, or (as Segment's does) just a message, which
   * becomes one issue at the root.
   */
  constructor(issues: FieldIssue[] | string, message?: string) {
    const list = typeof issues === "string"
      ? [{ path: "", message: issues }]
      : issues;
    super(
      message ?? (typeof issues === "string" ? issues : describeIssues(list)),
      // Status 400 (the default) is not retryable by default.
      "PAYLOAD_VALIDATION_FAILED",
    );
    this.issues = list;
  }
}

/** The partner's API refused the request; `status` is the partner's status. */
export class APIError extends IntegrationError {
  override name = "APIError";
  constructor(
    message: string,
    status: number,
    options: IntegrationErrorOptions = {},
  ) {
    super(message, "HTTP_ERROR", status, options);
  }
}

/** A response with a status the client treats as a failure; it keeps the parsed body. */
export class HTTPError extends IntegrationError {
  override name = "HTTPError";
  /** The request that was sent (its Authorization header redacted). */
  readonly request: Request;
  /** The response, whose body has been read into `content` and `data`. */
  readonly response: Response;
  /** The response body as text. */
  readonly content: string;
  /** The response body parsed as JSON, when it was JSON. */
  readonly data: unknown;

  constructor(
    message: string,
    init: {
      request: Request;
      response: Response;
      content: string;
      data?: unknown;
      retryAfterMs?: number;
    },
  ) {
    super(message, "HTTP_ERROR", init.response.status, {
      retryAfterMs: init.retryAfterMs,
    });
    this.request = init.request;
    this.response = init.response;
    this.content = init.content;
    this.data = init.data;
  }
}

/** A request did not complete within its timeout. */
export class TimeoutError extends IntegrationError {
  override name = "TimeoutError";
  constructor(message: string, options: IntegrationErrorOptions = {}) {
    // Status 408 is retryable unless options say otherwise.
    super(message, "ETIMEDOUT", 408, options);
  }
}

/** A request could not reach the server (refused, reset, DNS); `cause` is the original. */
export class NetworkError extends IntegrationError {
  override name = "NetworkError";
  constructor(message: string, options: IntegrationErrorOptions = {}) {
    // Status 503 is retryable unless options say otherwise.
    super(message, "NETWORK_ERROR", 503, options);
  }
}

/** The caller aborted the work through its `AbortSignal`. */
export class AbortError extends IntegrationError {
  override name = "AbortError";
  constructor(message: string, options: IntegrationErrorOptions = {}) {
    super(message, "ABORTED", 499, { retryable: true, ...options });
  }
}

/**
 * A response body passed the client's `maxResponseBytes`; sending again gets the same
 * body, so it is not retryable.
 */
export class ResponseTooLargeError extends IntegrationError {
  override name = "ResponseTooLargeError";
  /** The limit that was passed, in bytes. */
  readonly maxBytes: number;
  constructor(
    message: string,
    maxBytes: number,
    options: IntegrationErrorOptions = {},
  ) {
    super(message, "RESPONSE_TOO_LARGE", 502, {
      ...options,
      retryable: false,
    });
    this.maxBytes = maxBytes;
  }
}
