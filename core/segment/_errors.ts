// Segment's error classes, on destkit's IntegrationError base so the native runtime maps them
// like its own. Segment's constructors leave `code` and `status` exactly as given (possibly
// undefined), and an error's `name` is its class's name, also for a destination's subclass.
import { IntegrationError as BaseIntegrationError } from "../errors.ts";
import { CustomErrorCodes, ErrorCodes } from "./_error_codes.ts";

/** Writes Segment's `code` and `status` over the base's defaults, and names the error after its class. */
function settle(
  error: BaseIntegrationError,
  name: string,
  code: string | undefined,
  status: number | undefined,
): void {
  const writable = error as unknown as Record<string, unknown>;
  writable.name = name;
  writable.code = code;
  writable.status = status;
}

/**
 * Segment's `IntegrationError(message, code, status)`: an error a destination throws to fail
 * an event with its own code and status.
 *
 * @example
 * ```ts
 * import { IntegrationError } from "./actions_core.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new IntegrationError("List is archived", "LIST_ARCHIVED", 400);
 * assert.deepEqual([error.name, error.code, error.status], ["IntegrationError", "LIST_ARCHIVED", 400]);
 * ```
 */
export class IntegrationError extends BaseIntegrationError {
  constructor(message: string, code: string, status: number) {
    super(message, code, status ?? 400);
    settle(this, new.target.name, code, status);
  }
}

/** Segment's `RetryableError(message = "", status = 500)`, code `RETRYABLE_ERROR`. */
export class RetryableError extends BaseIntegrationError {
  constructor(message = "", status = 500) {
    super(message, CustomErrorCodes.RETRYABLE_ERROR, status, {
      retryable: true,
    });
    settle(this, new.target.name, CustomErrorCodes.RETRYABLE_ERROR, status);
  }
}

/** Segment's `InvalidAuthenticationError(message = "", code = "INVALID_AUTHENTICATION")`, status 401. */
export class InvalidAuthenticationError extends BaseIntegrationError {
  constructor(
    message = "",
    code: string = CustomErrorCodes.INVALID_AUTHENTICATION,
  ) {
    super(message, code, 401, { retryable: false });
    settle(this, new.target.name, code, 401);
  }
}

/** Segment's `PayloadValidationError(message)`: code `PAYLOAD_VALIDATION_FAILED`, status 400. */
export class PayloadValidationError extends IntegrationError {
  constructor(message: string) {
    super(message, ErrorCodes.PAYLOAD_VALIDATION_FAILED, 400);
  }
}

/** Segment's `InvalidAudienceMembershipError(message)`: code `INVALID_AUDIENCE_MEMBERSHIP`, status 400. */
export class InvalidAudienceMembershipError extends IntegrationError {
  constructor(message: string) {
    super(message, ErrorCodes.INVALID_AUDIENCE_MEMBERSHIP, 400);
  }
}

/** Segment's `APIError(message, status)`: the code is the status as a string. */
export class APIError extends IntegrationError {
  constructor(message: string, status: number) {
    super(message, String(status), status);
  }
}

/** Segment's `SelfTimeoutError(message)`: code `SELF_TIMEOUT`, status 408. */
export class SelfTimeoutError extends IntegrationError {
  constructor(message: string) {
    super(message, ErrorCodes.SELF_TIMEOUT, 408);
  }
}
