import { IntegrationError, isRetryableStatus } from "../errors.ts";
import { attempt } from "./_attempt.ts";
import type { Sent } from "./_failures.ts";
import { ModifiedResponse } from "./modified_response.ts";
import type {
  FetchFunction,
  RequestOptions,
  RetryOptions,
} from "./request_options.ts";
import { MAX_DELAY_MS, retryDelay } from "./retry_delay.ts";

/** Retries a client makes at most, whatever its `limit`. */
export const MAX_RETRIES = 10;

/** Sends until the outcome is not retryable, the limit is reached or the wait is too long. */
export async function withRetries(
  fetchFn: FetchFunction,
  sent: Sent,
  options: RequestOptions,
  retry: RetryOptions,
): Promise<ModifiedResponse> {
  const limit = Math.min(retry.limit ?? 0, MAX_RETRIES);
  const maxMs = Math.min(retry.maxMs ?? 30_000, MAX_DELAY_MS);
  for (let retries = 0;; retries++) {
    let outcome: ModifiedResponse | IntegrationError;
    try {
      outcome = await attempt(fetchFn, sent, options);
      if (!isRetryableStatus(outcome.status)) return outcome;
    } catch (error) {
      if (
        !(error instanceof IntegrationError) || !error.retryable ||
        sent.signal?.aborted
      ) {
        throw error;
      }
      outcome = error;
    }
    const headers = outcome instanceof ModifiedResponse
      ? outcome.headers
      : "response" in outcome && outcome.response instanceof Response
      ? outcome.response.headers
      : new Headers();
    const delay = retryDelay(retries + 1, headers, retry);
    if (retries >= limit || delay > maxMs) {
      if (outcome instanceof ModifiedResponse) return outcome;
      throw outcome;
    }
    await wait(delay, sent.signal);
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 && signal === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
