/**
 * `@destkit/core`: define Actions-based destinations and run them. Fields are
 * typed from their definitions (no codegen), mappings and subscription queries
 * behave exactly like Segment's, and every event gets a typed result.
 *
 * ```ts
 * import { IntegrationError } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * assert.equal(new IntegrationError("Cannot send: rejected", "REJECTED", 503).retryable, true);
 * ```
 *
 * @module
 */

// errors
export {
  AbortError,
  APIError,
  describeIssues,
  ErrorCodes,
  HTTPError,
  IntegrationError,
  InvalidAuthenticationError,
  InvalidSettingsError,
  isRetryableStatus,
  NetworkError,
  PayloadValidationError,
  RetryableError,
  TimeoutError,
} from "./errors.ts";
export type {
  ErrorCode,
  FieldIssue,
  IntegrationErrorOptions,
} from "./errors.ts";

// fields (owned by the fields work)

// mapping (owned by the mapping work)

// fql (owned by the subscription work)

// request (owned by the request-client work)

// destination (owned by the execution work)
