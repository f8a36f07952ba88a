// The one OAuth refresh-and-retry loop: native calls and Segment's drop-in differ only by policy.

/** What a refresh gave: a context with fresh tokens, or the outcome the call ends with. */
export type Refreshed<C, T> = { context: C } | { outcome: T };

/** How a caller retries after an authentication failure. */
export interface RefreshRetryPolicy<C, T> {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Whether a resolved outcome failed authentication. */
  failedAuth: (outcome: T) => boolean;
  /** Whether a thrown error failed authentication; any other error is thrown at once. */
  isAuthError: (error: unknown) => boolean;
  /** Whether a failure of the last attempt still refreshes the tokens (Segment's runtime does). */
  refreshAfterLast: boolean;
  /**
   * Gets fresh tokens after `failed` (undefined when the attempt threw). It may throw:
   * during a resolved attempt that counts as the attempt's error, as in Segment's `retry`.
   */
  refresh: (context: C, failed: T | undefined) => Promise<Refreshed<C, T>>;
}

/**
 * Runs `run` with `context`; after an authentication failure, refreshes the tokens and
 * runs again with the fresh context and the previous outcome (undefined after a throw),
 * up to `policy.attempts` times. Resolves to the last outcome; rethrows the last error.
 */
export async function withTokenRefresh<C, T>(
  context: C,
  run: (context: C, previous: T | undefined) => Promise<T>,
  policy: RefreshRetryPolicy<C, T>,
): Promise<T> {
  const { attempts, failedAuth, isAuthError, refreshAfterLast, refresh } =
    policy;
  let current = context;
  let previous: T | undefined;
  for (let attempt = 1;; attempt++) {
    const last = attempt >= attempts;
    try {
      const outcome = await run(current, previous);
      if (!failedAuth(outcome) || (last && !refreshAfterLast)) return outcome;
      const refreshed = await refresh(current, outcome);
      if ("outcome" in refreshed) return refreshed.outcome;
      if (last) return outcome;
      current = refreshed.context;
      previous = outcome;
    } catch (error) {
      if (!isAuthError(error)) throw error;
      const refreshed = await refresh(current, undefined);
      if (last || "outcome" in refreshed) throw error;
      current = refreshed.context;
      previous = undefined;
    }
  }
}
