// Settings as the host passes them (destination settings plus `subscription(s)` and `oauth`),
// validated and their subscriptions compiled once per settings object.
import { InvalidSettingsError, PayloadValidationError } from "../../errors.ts";
import type { CompiledDestination } from "../compile/_compile_definition.ts";
import {
  type CompiledSubscription,
  compileSubscription,
  type MappingCache,
} from "../compile/_subscriptions.ts";
import { messageOf, toResultError } from "../run/_outcome.ts";
import { redactResultError, settingsSecrets } from "../run/_redact_results.ts";
import type { ResultError } from "../result.ts";
import type { AuthTokens, Subscription } from "../types.ts";

/** The host's settings object. */
export type RawSettings = Record<string, unknown>;

/** Settings validated once per settings object. */
export interface ValidatedSettings {
  /** The settings handed to actions: validated and coerced, without `subscriptions` and `oauth`. */
  settings: Record<string, unknown>;
  /** Why the settings were rejected. */
  error?: ResultError;
  /** The tokens of `settings.oauth`, in `auth` form. */
  auth?: AuthTokens;
  /** The values of the password fields and of `settings.oauth`'s tokens and client secret. */
  secrets: readonly string[];
}

const RUNTIME_KEYS = new Set(["subscription", "subscriptions", "oauth"]);
// Segment keeps this key out of validation: it carries settings resolved at run time.
const EXEMPT_KEY = "dynamicAuthSettings";

/** Validates the destination settings in `raw` against the authentication fields. */
export function validateSettings(
  destination: CompiledDestination,
  raw: RawSettings,
): ValidatedSettings {
  if (typeof raw !== "object" || raw === null) {
    const error = new InvalidSettingsError(
      `Invalid settings: expected an object, got ${
        raw === null ? "null" : typeof raw
      }`,
    );
    return { settings: {}, error: toResultError(error), secrets: [] };
  }
  const own: Record<string, unknown> = {};
  try {
    for (const key in raw) {
      if (!RUNTIME_KEYS.has(key)) own[key] = raw[key];
    }
  } catch (error) {
    const failure = new InvalidSettingsError(
      `Invalid settings: cannot read them: ${messageOf(error)}`,
    );
    return { settings: {}, error: toResultError(failure), secrets: [] };
  }
  const secrets = settingsSecrets(destination.secretFields, raw);
  const result: ValidatedSettings = { settings: own, secrets };
  let auth: AuthTokens | undefined;
  try {
    auth = authOf(raw.oauth);
  } catch {
    auth = undefined; // unreadable tokens are no tokens
  }
  if (auth !== undefined) result.auth = auth;
  if (destination.settings === undefined) return result;
  try {
    const validated = destination.settings.validate(own).payload as Record<
      string,
      unknown
    >;
    if (own[EXEMPT_KEY] !== undefined) validated[EXEMPT_KEY] = own[EXEMPT_KEY];
    result.settings = validated;
  } catch (error) {
    const wrapped = error instanceof PayloadValidationError
      ? new InvalidSettingsError(
        error.message.replace(/^Invalid payload/, "Invalid settings"),
        { cause: error },
      )
      : new InvalidSettingsError(`Invalid settings: ${messageOf(error)}`, {
        cause: error,
      });
    result.error = toResultError(wrapped);
    if (error instanceof PayloadValidationError) {
      result.error.issues = error.issues;
    }
    redactResultError(result.error, secrets);
  }
  return result;
}

/** Returns the subscriptions of `raw`: `subscription` alone, or the `subscriptions` list. */
export function subscriptionsOf(raw: RawSettings): readonly unknown[] {
  if (typeof raw !== "object" || raw === null) return [];
  let subscription: unknown;
  let subscriptions: unknown;
  try {
    ({ subscription, subscriptions } = raw);
  } catch {
    return []; // unreadable subscriptions are no subscriptions
  }
  if (subscription !== undefined && subscription !== null) {
    return [subscription];
  }
  return Array.isArray(subscriptions) ? subscriptions : [];
}

/** Returns Segment's `settings.oauth` as `auth` tokens. */
function authOf(oauth: unknown): AuthTokens | undefined {
  if (typeof oauth !== "object" || oauth === null) return undefined;
  const data = oauth as Record<string, unknown>;
  const token = data.access_token;
  const auth: AuthTokens = {
    accessToken: typeof token === "string"
      ? token
      : typeof token === "number"
      ? String(token)
      : "",
  };
  if (typeof data.refresh_token === "string") {
    auth.refreshToken = data.refresh_token;
  }
  if (typeof data.refresh_token_url === "string") {
    auth.refreshTokenUrl = data.refresh_token_url;
  }
  if (typeof data.clientId === "string") auth.clientId = data.clientId;
  if (typeof data.clientSecret === "string") {
    auth.clientSecret = data.clientSecret;
  }
  return auth;
}

/** Validated settings and, once asked for, their compiled subscriptions. */
export interface SettingsEntry extends ValidatedSettings {
  subscriptions?: CompiledSubscription[];
}

/** Validates settings objects and compiles their subscriptions, once per object. */
export class SettingsEntries {
  readonly #destination: CompiledDestination;
  readonly #mappings: MappingCache;
  readonly #entries = new WeakMap<object, SettingsEntry>();
  readonly #subscriptions = new WeakMap<object, CompiledSubscription>();

  constructor(destination: CompiledDestination, mappings: MappingCache) {
    this.#destination = destination;
    this.#mappings = mappings;
  }

  /** Returns the validated settings of `raw`; a value that is not an object is not kept. */
  entryOf(raw: RawSettings): SettingsEntry {
    if (typeof raw !== "object" || raw === null) {
      return validateSettings(this.#destination, raw);
    }
    let entry = this.#entries.get(raw);
    if (entry === undefined) {
      entry = validateSettings(this.#destination, raw);
      this.#entries.set(raw, entry);
    }
    return entry;
  }

  /** Returns the compiled subscriptions of `raw`; each subscription object compiles once. */
  subscriptionsOf(
    raw: RawSettings,
    entry: SettingsEntry,
  ): CompiledSubscription[] {
    if (entry.subscriptions !== undefined) return entry.subscriptions;
    const compiled = subscriptionsOf(raw).map((subscription, index) => {
      const isObject = typeof subscription === "object" &&
        subscription !== null;
      let found = isObject ? this.#subscriptions.get(subscription) : undefined;
      if (found === undefined) {
        found = compileSubscription(
          this.#destination,
          this.#mappings,
          subscription,
          index,
        );
        if (isObject) this.#subscriptions.set(subscription, found);
      }
      return found;
    });
    if (typeof raw === "object" && raw !== null) entry.subscriptions = compiled;
    return compiled;
  }
}

export type { Subscription };
