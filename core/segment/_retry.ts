// Segment's `retry(fn, options)`: up to `retries` attempts, with its hooks.

/** Options for {@linkcode retry}. */
export interface RetryOptions<T> {
  /** How many attempts in all. @default {2} */
  retries?: number;
  /** Called after a failed attempt, before the next one; it may throw to stop. */
  onFailedAttempt?: (error: unknown, attemptCount: number) => unknown;
  /** Says whether a resolved attempt is final; `false` tries again while attempts are left. */
  shouldRetry?: (
    response: T,
    attemptCount: number,
  ) => boolean | Promise<boolean>;
}

/**
 * Calls `input(attempt)` until it succeeds (and `shouldRetry` agrees) or the attempts run out;
 * the last failure is thrown, and a falsy thrown value is thrown at once.
 *
 * @throws {Error} `Exhausted all retries.` when `retries` is below 1.
 */
export async function retry<T>(
  input: (attemptCount: number) => Promise<T> | T,
  options?: RetryOptions<T>,
): Promise<T> {
  const retries = options?.retries ?? 2;
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      const response = await input(attempt);
      // A throwing `shouldRetry` counts as a failed attempt, as in Segment's.
      if (options?.shouldRetry !== undefined) {
        const final = await options.shouldRetry(response, attempt);
        if (!final && attempt < retries) continue;
      }
      return response;
    } catch (error) {
      await options?.onFailedAttempt?.(error, attempt);
      if (!error || attempt >= retries) throw error;
    }
  }
  throw new Error("Exhausted all retries.");
}
