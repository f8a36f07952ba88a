// The context of each call: the destination's options, overridden by the call's.
import type { RequestOptions } from "../../request/mod.ts";
import type { CompiledDestination } from "../compile/_compile_definition.ts";
import type { RunContext } from "./_context.ts";
import { NATIVE_POLICY } from "./_run_policy.ts";
import { safeLogger, withAuthSecrets } from "./_redact_results.ts";
import type { TokenRefresher } from "../auth/_oauth_refresh.ts";
import type { RawSettings } from "../settings/_settings.ts";
import type { SettingsEntry } from "../settings/_settings_entry.ts";
import type {
  CallOptions,
  DestinationOptions,
} from "../destination_options.ts";
import type { AuthTokens } from "../types.ts";

const DEFAULT_BATCH_CONCURRENCY = 10;
const NOTHING: RequestOptions = Object.freeze({});

function checkMaxResponseBytes(
  destination: CompiledDestination,
  value: number | undefined,
): void {
  if (value !== undefined && !(value > 0)) {
    throw new RangeError(
      `Cannot create destination "${destination.name}": maxResponseBytes ${value} is not a positive number`,
    );
  }
}

/** Builds the {@linkcode RunContext} of each call; checks the destination's options once. */
export class ContextBuilder {
  readonly #destination: CompiledDestination;
  readonly #defaults: DestinationOptions;
  readonly #refresher: TokenRefresher;
  readonly #head: RequestOptions;
  readonly #tail: RequestOptions;

  /**
   * Checks `defaults` for `destination`.
   *
   * @throws {RangeError} when `batchConcurrency` is not a whole number of at least 1, or
   * `maxResponseBytes` is not positive.
   */
  constructor(
    destination: CompiledDestination,
    defaults: DestinationOptions,
    refresher: TokenRefresher,
  ) {
    const { batchConcurrency } = defaults;
    if (
      batchConcurrency !== undefined &&
      !(Number.isInteger(batchConcurrency) && batchConcurrency >= 1)
    ) {
      throw new RangeError(
        `Cannot create destination "${destination.name}": batchConcurrency ${batchConcurrency} is not a whole number of at least 1`,
      );
    }
    this.#destination = destination;
    this.#defaults = defaults;
    this.#refresher = refresher;
    this.#head = defaults.timeout === undefined
      ? NOTHING
      : { timeout: defaults.timeout };
    const { fetch, maxResponseBytes } = defaults;
    checkMaxResponseBytes(destination, maxResponseBytes);
    const tail: RequestOptions = {};
    if (fetch !== undefined) tail.fetch = fetch;
    if (maxResponseBytes !== undefined) {
      tail.maxResponseBytes = maxResponseBytes;
    }
    this.#tail = Object.keys(tail).length === 0 ? NOTHING : tail;
  }

  /**
   * Returns the context of a call with settings `raw` (validated as `entry`); tokens are
   * `auth`, else the call's, else the last refreshed, else those of the settings.
   */
  contextFor(
    raw: RawSettings,
    entry: SettingsEntry,
    options: CallOptions | undefined,
    auth: AuthTokens | undefined,
  ): RunContext {
    const defaults = this.#defaults;
    let head = this.#head;
    let tail = this.#tail;
    if (options !== undefined) {
      if (options.timeout !== undefined) head = { timeout: options.timeout };
      const { fetch, signal, maxResponseBytes } = options;
      if (
        fetch !== undefined || signal !== undefined ||
        maxResponseBytes !== undefined
      ) {
        tail = { ...tail };
        if (fetch !== undefined) tail.fetch = fetch;
        if (signal !== undefined) tail.signal = signal;
        if (maxResponseBytes !== undefined) {
          tail.maxResponseBytes = maxResponseBytes;
        }
      }
    }
    const key = typeof raw === "object" && raw !== null ? raw : undefined;
    const tokens = auth ?? options?.auth ??
      (key === undefined ? undefined : this.#refresher.tokensOf(key)) ??
      entry.auth;
    const secrets = withAuthSecrets(entry.secrets, tokens);
    return {
      destination: this.#destination,
      settings: entry.settings,
      auth: tokens,
      secrets,
      logger: safeLogger(options?.logger ?? defaults.logger, secrets),
      signal: options?.signal,
      record: options?.recordRequests ?? defaults.recordRequests ?? false,
      onComplete: options?.onComplete ?? defaults.onComplete,
      batchConcurrency: options?.batchConcurrency ??
        defaults.batchConcurrency ?? DEFAULT_BATCH_CONCURRENCY,
      head,
      tail,
      settingsKey: key,
      options,
      policy: NATIVE_POLICY,
    };
  }
}
