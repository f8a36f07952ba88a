// OAuth2 after a 401: one refresh per settings object at a time, onTokenRefresh, and one retry
// of the failed items, through the refresh-and-retry loop shared with Segment's drop-in.
import {
  ErrorCodes,
  IntegrationError,
  InvalidAuthenticationError,
} from "../../errors.ts";
import type { CompiledDestination } from "../compile/_compile_definition.ts";
import { requestClientFor, type RunContext } from "../run/_context.ts";
import { errorResult, messageOf, toResultError } from "../run/_outcome.ts";
import {
  redact,
  redactResultError,
  withAuthSecrets,
} from "../run/_redact_results.ts";
import { type RefreshRetryPolicy, withTokenRefresh } from "./_refresh_retry.ts";
import type { DestinationOptions } from "../destination_options.ts";
import type { EventResult, ResultError } from "../result.ts";
import type { AuthTokens, RefreshAccessTokenResult } from "../types.ts";

/** Runs, with `context`, the items at `indices` (every item when undefined); resolves to their results, in that order. */
export type Rerun = (
  context: RunContext,
  indices: readonly number[] | undefined,
) => Promise<EventResult[]>;

/** Refreshes OAuth2 tokens for a destination and keeps the newest per settings object. */
export class TokenRefresher {
  readonly #destination: CompiledDestination;
  readonly #defaults: DestinationOptions;
  readonly #tokens = new WeakMap<object, AuthTokens>();
  readonly #refreshing = new WeakMap<object, Promise<AuthTokens>>();
  readonly #policy: RefreshRetryPolicy<RunContext, EventResult[]>;

  constructor(destination: CompiledDestination, defaults: DestinationOptions) {
    this.#destination = destination;
    this.#defaults = defaults;
    this.#policy = {
      attempts: 2,
      failedAuth: (results) => results.some(isUnauthorized),
      isAuthError: () => false,
      refreshAfterLast: false,
      refresh: async (context, failed) => {
        const refreshed = await this.#refresh(context);
        if (refreshed === undefined) return { outcome: failed! };
        if (!("message" in refreshed)) return { context: refreshed };
        return { outcome: withRefreshError(failed!, refreshed) };
      },
    };
  }

  /** Returns the tokens of the last refresh made with settings object `key`. */
  tokensOf(key: object): AuthTokens | undefined {
    return this.#tokens.get(key);
  }

  /**
   * Runs `run` on every item (`indices` undefined); with OAuth2, after 401s refreshes the
   * tokens once and runs again, with the fresh context, only the items at `indices` that
   * failed; when the refresh failed, those items get its error with the warnings they had.
   * Without OAuth2, runs once.
   */
  retryUnauthorized(
    context: RunContext,
    run: Rerun,
  ): Promise<EventResult[]> {
    // Not async: without OAuth2 the run's own promise is returned, with no extra step per event.
    if (!this.#destination.oauth) return run(context, undefined);
    return withTokenRefresh(
      context,
      async (current, previous) => {
        if (previous === undefined) return await run(current, undefined);
        const indices = unauthorizedIndices(previous);
        const results = [...previous];
        scatter(results, indices, await run(current, indices));
        return results;
      },
      this.#policy,
    );
  }

  /**
   * Calls the definition's `refreshAccessToken` with the tokens of `context`.
   *
   * @throws {IntegrationError} `NOT_IMPLEMENTED` (501) when the scheme is not OAuth2 or there is no `refreshAccessToken`.
   * @throws {InvalidAuthenticationError} `OAUTH_REFRESH_FAILED` when the refresh failed.
   */
  async requestTokens(context: RunContext): Promise<RefreshAccessTokenResult> {
    const { oauth, refreshAccessToken: refresh, name } = this.#destination;
    if (!oauth || refresh === undefined) {
      throw new IntegrationError(
        `Cannot refresh the access token of "${name}": ${
          oauth
            ? "it defines no refreshAccessToken"
            : "its scheme is not oauth2 or oauth-managed"
        }`,
        ErrorCodes.NOT_IMPLEMENTED,
        501,
      );
    }
    let tokens: RefreshAccessTokenResult;
    try {
      const request = requestClientFor(context, undefined, undefined);
      tokens = await refresh(request, {
        settings: context.settings,
        auth: context.auth,
      });
    } catch (error) {
      // The hook's error may hold the client secret or a token: the thrown error keeps
      // a redacted copy of its message, not the error itself.
      const message = redact(messageOf(error), context.secrets);
      throw new InvalidAuthenticationError(
        `Cannot refresh the access token: ${message}`,
        ErrorCodes.OAUTH_REFRESH_FAILED,
        { cause: causeOf(error, message), retryable: isRetryable(error) },
      );
    }
    if (typeof tokens?.accessToken !== "string" || tokens.accessToken === "") {
      throw new InvalidAuthenticationError(
        "Cannot refresh the access token: refreshAccessToken returned no accessToken",
        ErrorCodes.OAUTH_REFRESH_FAILED,
      );
    }
    return tokens;
  }

  /**
   * Returns a context with fresh tokens, the refresh failure, or undefined when the
   * destination cannot refresh. Concurrent calls with one settings object share one
   * refresh; a call that used tokens older than the last refresh retries with the new ones.
   */
  async #refresh(
    context: RunContext,
  ): Promise<RunContext | ResultError | undefined> {
    if (this.#destination.refreshAccessToken === undefined) return undefined;
    const key = context.settingsKey;
    const used = context.auth;
    const known = key === undefined ? undefined : this.#tokens.get(key);
    if (known !== undefined && known.accessToken !== used?.accessToken) {
      return {
        ...context,
        auth: known,
        secrets: withAuthSecrets(context.secrets, known),
      };
    }
    let pending = key === undefined ? undefined : this.#refreshing.get(key);
    if (pending === undefined) {
      pending = this.#refreshTokens(context);
      if (key !== undefined) {
        this.#refreshing.set(key, pending);
        pending.then(
          () => this.#refreshing.delete(key),
          () => this.#refreshing.delete(key),
        );
      }
    }
    try {
      const auth = await pending;
      return {
        ...context,
        auth,
        secrets: withAuthSecrets(context.secrets, auth),
      };
    } catch (error) {
      return redactResultError(toResultError(error), context.secrets);
    }
  }

  async #refreshTokens(context: RunContext): Promise<AuthTokens> {
    const tokens = await this.requestTokens(context);
    const onTokenRefresh = context.options?.onTokenRefresh ??
      this.#defaults.onTokenRefresh;
    if (onTokenRefresh !== undefined) await onTokenRefresh(tokens);
    const auth: AuthTokens = {
      ...context.auth,
      accessToken: tokens.accessToken,
    };
    if (tokens.refreshToken !== undefined) {
      auth.refreshToken = tokens.refreshToken;
    }
    const key = context.settingsKey;
    if (key !== undefined) this.#tokens.set(key, auth);
    return auth;
  }
}

/** Returns a plain copy of `error` showing only `message` (already redacted). */
function causeOf(error: unknown, message: string): Error {
  const copy = new Error(message);
  try {
    if (error instanceof Error && typeof error.name === "string") {
      copy.name = error.name;
    }
  } catch {
    // Keep the name "Error".
  }
  return copy;
}

function isRetryable(error: unknown): boolean {
  try {
    return error instanceof IntegrationError && error.retryable === true;
  } catch {
    return false;
  }
}

/** Returns a copy of `results` where each 401 is the refresh's `error`, keeping its warnings. */
function withRefreshError(
  results: readonly EventResult[],
  error: ResultError,
): EventResult[] {
  return results.map((result) =>
    isUnauthorized(result)
      ? errorResult(error, result.action, result.subscription, result.warnings)
      : result
  );
}

/** Returns the indices of the results that failed with 401. */
function unauthorizedIndices(results: readonly EventResult[]): number[] {
  const indices: number[] = [];
  for (let i = 0; i < results.length; i++) {
    if (isUnauthorized(results[i])) indices.push(i);
  }
  return indices;
}

/** Returns whether a result failed with 401, which a token refresh may cure. */
export function isUnauthorized(result: EventResult): boolean {
  return result.status === "failed" && result.error?.status === 401;
}

/** Puts `values[k]` at `results[indices[k]]`, for each k. */
export function scatter<T = EventResult>(
  results: T[],
  indices: readonly number[],
  values: readonly T[],
): void {
  for (let k = 0; k < indices.length; k++) results[indices[k]] = values[k];
}
