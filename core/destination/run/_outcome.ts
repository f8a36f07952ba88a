// Turns what an action returned or threw into a result, the same way everywhere.
import {
  ErrorCodes,
  IntegrationError,
  isRetryableStatus,
  PayloadValidationError,
} from "../../errors.ts";
import type { ValidationWarning } from "../../fields/mod.ts";
import { ModifiedResponse } from "../../request/mod.ts";
import type { EventResult, EventStatus, ResultError } from "../result.ts";

/** A shared empty warnings list: results without warnings allocate none. */
export const NO_WARNINGS: readonly ValidationWarning[] = Object.freeze([]);

/**
 * Describes a thrown value as a result error; unknown errors are status 500 and retryable.
 * Never throws, whatever was thrown (getters that throw, values without `toString`).
 */
export function toResultError(error: unknown): ResultError {
  try {
    return describeError(error);
  } catch {
    return {
      message: `Unknown error: ${describeThrown(error)}`,
      code: ErrorCodes.UNKNOWN_ERROR,
      status: 500,
      retryable: true,
    };
  }
}

function describeError(error: unknown): ResultError {
  if (error instanceof IntegrationError) {
    const result: ResultError = {
      message: textOf(error.message),
      code: textOf(error.code),
      status: error.status,
      retryable: error.retryable === true,
    };
    if (error.retryAfterMs !== undefined) {
      result.retryAfterMs = error.retryAfterMs;
    }
    if (error instanceof PayloadValidationError) result.issues = error.issues;
    return result;
  }
  const message = messageOf(error);
  const status = statusOf(error);
  return {
    message: message === "" ? "Unknown error" : message,
    code: codeOf(error) ?? ErrorCodes.UNKNOWN_ERROR,
    status,
    retryable: isRetryableStatus(status),
  };
}

/** Returns an error's message, or the value as text; never throws. */
export function messageOf(error: unknown): string {
  try {
    if (error instanceof Error) return textOf(error.message);
    return String(error);
  } catch {
    return describeThrown(error);
  }
}

/** Returns `value` when it is a string, else a description that cannot throw. */
function textOf(value: unknown): string {
  return typeof value === "string" ? value : describeThrown(value);
}

/** Names a value that `String()` cannot show, without calling any of its methods. */
function describeThrown(value: unknown): string {
  if (value === null) return "null";
  const type = typeof value;
  if (type === "object") {
    try {
      return Array.isArray(value)
        ? "a thrown array"
        : "a thrown object that cannot be shown as text";
    } catch {
      return "a thrown object that cannot be shown as text";
    }
  }
  if (type === "function") return "a thrown function";
  if (type === "symbol") return "a thrown symbol";
  return `a thrown ${type}`;
}

/** Returns `invalid` for payload problems, `failed` for everything else. */
export function statusOfError(error: ResultError): EventStatus {
  if (error.code === ErrorCodes.INVALID_SUBSCRIPTION) return "misconfigured";
  return error.code === ErrorCodes.PAYLOAD_VALIDATION_FAILED
    ? "invalid"
    : "failed";
}

/** Builds the result of an error. */
export function errorResult(
  error: ResultError,
  action: string | undefined,
  subscription: string | undefined,
  warnings: readonly ValidationWarning[] = NO_WARNINGS,
): EventResult {
  const result: EventResult = { status: statusOfError(error), warnings, error };
  if (action !== undefined) result.action = action;
  if (subscription !== undefined) result.subscription = subscription;
  return result;
}

/** Builds a result without an error (`delivered`, `skipped`, `unmatched`). */
export function plainResult(
  status: EventStatus,
  action: string | undefined,
  subscription: string | undefined,
  warnings: readonly ValidationWarning[] = NO_WARNINGS,
): EventResult {
  const result: EventResult = { status, warnings };
  if (action !== undefined) result.action = action;
  if (subscription !== undefined) result.subscription = subscription;
  return result;
}

/** What a result shows of `perform`'s return: a response's parsed body (or text), else the value. */
export function outputOf(value: unknown): unknown {
  if (value instanceof ModifiedResponse) return value.data ?? value.content;
  return value;
}

function statusOf(error: unknown): number {
  try {
    return readStatus(error);
  } catch {
    return 500;
  }
}

function readStatus(error: unknown): number {
  if (typeof error !== "object" || error === null) return 500;
  const { status, response } = error as {
    status?: unknown;
    response?: { status?: unknown };
  };
  if (typeof status === "number" && status >= 100 && status <= 599) {
    return status;
  }
  const nested = response?.status;
  if (typeof nested === "number" && nested >= 100 && nested <= 599) {
    return nested;
  }
  return 500;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  try {
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && code !== "" ? code : undefined;
  } catch {
    return undefined;
  }
}
