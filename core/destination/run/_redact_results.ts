// Secrets out of everything a call shows: result messages, log lines, errors it throws.
import { redactSecrets, type RequestOptions } from "../../request/mod.ts";
import type {
  AuthenticationResult,
  EventResult,
  ResultError,
} from "../result.ts";
import type { AuthTokens, Logger } from "../types.ts";
import { messageOf } from "./_outcome.ts";

/** The secrets of settings: the values of `fields` (password fields) in `settings` and of `oauth`. */
export function settingsSecrets(
  fields: readonly string[],
  settings: Record<string, unknown> | undefined,
): string[] {
  const found: string[] = [];
  if (typeof settings !== "object" || settings === null) return found;
  try {
    for (const name of fields) addSecret(found, settings[name]);
    const oauth = settings.oauth as Record<string, unknown> | undefined;
    if (typeof oauth === "object" && oauth !== null) {
      for (const key of OAUTH_KEYS) addSecret(found, oauth[key]);
    }
  } catch {
    // A getter that throws holds no secret we could find.
  }
  return found;
}

const OAUTH_KEYS = [
  "access_token",
  "refresh_token",
  "clientSecret",
  "client_secret",
];

/** Adds the tokens and client secret of `auth` to `secrets`; returns a new list when any were added. */
export function withAuthSecrets(
  secrets: readonly string[],
  auth: AuthTokens | undefined,
): readonly string[] {
  if (auth === undefined) return secrets;
  const found = [...secrets];
  addSecret(found, auth.accessToken);
  addSecret(found, auth.refreshToken);
  addSecret(found, auth.clientSecret);
  return found.length === secrets.length ? secrets : found;
}

function addSecret(found: string[], value: unknown): void {
  if (typeof value === "string" && value !== "" && !found.includes(value)) {
    found.push(value);
  } else if (typeof value === "number" || typeof value === "bigint") {
    found.push(String(value));
  }
}

/** Returns `text` without `secrets`. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.length === 0 ? text : redactSecrets(text, secrets);
}

/** Replaces `secrets` in the messages of `error`, in place. */
export function redactResultError(
  error: ResultError,
  secrets: readonly string[],
): ResultError {
  if (secrets.length === 0) return error;
  error.message = redact(error.message, secrets);
  if (error.issues !== undefined) {
    error.issues = error.issues.map((issue) => ({
      path: redact(issue.path, secrets),
      message: redact(issue.message, secrets),
    }));
  }
  return error;
}

/** Replaces `secrets` in the error messages of `results` (and their per-subscription results), in place. */
export function redactResults<T extends EventResult | AuthenticationResult>(
  results: T[],
  secrets: readonly string[],
): T[] {
  if (secrets.length === 0) return results;
  for (const result of results) {
    if (result.error !== undefined) redactResultError(result.error, secrets);
    const nested = (result as EventResult).results;
    if (nested !== undefined) redactResults(nested, secrets);
  }
  return results;
}

/** The request options that make a client hide `secrets` (added to those `extended` names). */
export function secretOptions(
  secrets: readonly string[],
  extended: RequestOptions | undefined,
): RequestOptions | undefined {
  const theirs = extended?.secrets;
  if (secrets.length === 0 && theirs === undefined) return undefined;
  return { secrets: theirs === undefined ? secrets : [...secrets, ...theirs] };
}

const LEVELS = ["debug", "info", "warn", "error"] as const;
const DATA_DEPTH = 4;

/**
 * Returns a logger that passes each line to `logger` with `secrets` replaced, and that
 * never throws: a logger failing must not lose an event's result.
 */
export function safeLogger(
  logger: Logger | undefined,
  secrets: readonly string[],
): Logger | undefined {
  if (logger === undefined) return undefined;
  const safe: Logger = {};
  for (const level of LEVELS) {
    let method: Logger[typeof level];
    try {
      method = logger[level];
    } catch {
      continue;
    }
    if (typeof method !== "function") continue;
    safe[level] = (message: string, data?: Record<string, unknown>) => {
      try {
        const text = redact(
          typeof message === "string" ? message : messageOf(message),
          secrets,
        );
        if (data === undefined) method!.call(logger, text);
        else {
          method!.call(
            logger,
            text,
            redactData(data, secrets, DATA_DEPTH) as Record<string, unknown>,
          );
        }
      } catch {
        // The host's logger failed; the event's outcome does not depend on it.
      }
    };
  }
  return safe;
}

/** Returns a copy of `value` with `secrets` replaced in its strings, `depth` levels down. */
function redactData(
  value: unknown,
  secrets: readonly string[],
  depth: number,
): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (secrets.length === 0 || typeof value !== "object" || value === null) {
    return value;
  }
  if (value instanceof Error) return redact(messageOf(value), secrets);
  if (depth === 0) return "[object]";
  if (Array.isArray(value)) {
    return value.map((item) => redactData(item, secrets, depth - 1));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = redactData(
      (value as Record<string, unknown>)[key],
      secrets,
      depth - 1,
    );
  }
  return copy;
}
