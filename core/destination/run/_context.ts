// What one call (onEvent, onBatch, executeAction, ...) runs with: built from the destination's
// options overridden by the call's, and the request client it hands out.
import {
  createRequestClient,
  type RequestClient,
  type RequestOptions,
  type ResponseInfo,
} from "../../request/mod.ts";
import type { CompiledDestination } from "../compile/_compile_definition.ts";
import type {
  CallOptions,
  CompletionInfo,
  DestinationOptions,
} from "../destination_options.ts";
import type { TokenRefresher } from "../auth/_oauth_refresh.ts";
import type { RawSettings, SettingsEntry } from "../settings/_settings.ts";
import { NATIVE_POLICY, type RunPolicy } from "./_run_policy.ts";
import {
  safeLogger,
  secretOptions,
  withAuthSecrets,
} from "./_redact_results.ts";
import type { RecordedRequest } from "../result.ts";
import type { AuthTokens, Logger } from "../types.ts";

/** The state of one call. */
export interface RunContext {
  destination: CompiledDestination;
  settings: Record<string, unknown>;
  auth: AuthTokens | undefined;
  /** Values no result, log line or error of the call may show (password fields, tokens). */
  secrets: readonly string[];
  /** The call's logger, wrapped so that it hides `secrets` and never throws. */
  logger: Logger | undefined;
  signal: AbortSignal | undefined;
  record: boolean;
  onComplete: ((info: CompletionInfo) => void) | undefined;
  batchConcurrency: number;
  /** Options under `extendRequest`'s output (the timeout). */
  head: RequestOptions;
  /** Options over `extendRequest`'s output (the host's fetch and signal). */
  tail: RequestOptions;
  /** The settings object of the call, under which refreshed tokens are kept. */
  settingsKey: object | undefined;
  /** The call's own options (`onTokenRefresh` is read from them when a refresh happens). */
  options: CallOptions | undefined;
  /** What differs for the caller: thrown or resulting errors, the request mode of `perform`. */
  policy: RunPolicy;
}

/**
 * Returns the request client for one `perform`: `extendRequest` runs now (it may throw),
 * the client itself is built on the first request, so a `perform` that sends nothing
 * costs nothing more. Requests are appended to `requests` when it is given.
 */
export function requestClientFor(
  context: RunContext,
  payload: unknown,
  requests: RecordedRequest[] | undefined,
): RequestClient {
  const { extendRequest } = context.destination;
  const extended = extendRequest === undefined ? undefined : extendRequest({
    settings: context.settings,
    auth: context.auth,
    payload,
  }) ?? undefined;
  let tail = context.tail;
  const hidden = secretOptions(context.secrets, extended);
  if (hidden !== undefined) tail = { ...tail, ...hidden };
  if (requests !== undefined) {
    const theirs = extended?.onResponse;
    const record = (info: ResponseInfo) => {
      requests.push(recordOf(info));
      theirs?.(info);
    };
    tail = { ...tail, onResponse: record };
  }
  let client: RequestClient | undefined;
  function request(url: string | URL, options?: RequestOptions) {
    client ??= extended === undefined
      ? createRequestClient(context.head, tail)
      : createRequestClient(context.head, extended, tail);
    return client(url, options);
  }
  return request as RequestClient;
}

function recordOf(info: ResponseInfo): RecordedRequest {
  const headers: Record<string, string> = {};
  info.headers.forEach((value, key) => headers[key] = value);
  const recorded: RecordedRequest = {
    method: info.method,
    url: info.url,
    headers,
    status: info.status,
  };
  if (typeof info.body === "string") {
    recorded.body = info.body;
    if (headers["content-type"]?.includes("json")) {
      try {
        recorded.json = JSON.parse(info.body);
      } catch {
        // Not JSON after all: `body` keeps the text.
      }
    }
  } else if (info.body instanceof URLSearchParams) {
    recorded.body = info.body.toString();
  }
  const response = info.response;
  if (response !== undefined) {
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => responseHeaders[key] = value);
    recorded.response = {
      status: response.status,
      headers: responseHeaders,
      content: response.content,
      data: response.data,
    };
  } else if (info.error !== undefined && "content" in info.error) {
    const error = info.error as {
      response?: Response;
      content?: string;
      data?: unknown;
    };
    if (error.response instanceof Response) {
      const responseHeaders: Record<string, string> = {};
      error.response.headers.forEach((value, key) =>
        responseHeaders[key] = value
      );
      recorded.response = {
        status: error.response.status,
        headers: responseHeaders,
        content: error.content ?? "",
        data: error.data,
      };
    }
  }
  if (info.error !== undefined) recorded.error = info.error.message;
  return recorded;
}

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
