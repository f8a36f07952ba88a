import type { IntegrationError } from "../errors.ts";
import type { ModifiedResponse } from "./modified_response.ts";
import type { RetryDelayOptions } from "./retry_delay.ts";

/**
 * The function a client sends requests with: `fetch(url, init)`, where `init.headers`
 * is a plain object with lower-case header names. `globalThis.fetch` fits; tests pass
 * their own to intercept requests.
 */
export type FetchFunction = (
  url: string,
  init: RequestInit,
) => Promise<Response>;

/** Request headers as an object, a `Headers` or a list of pairs; `undefined` removes a header. */
export type RequestHeaders =
  | Record<string, string | undefined>
  | Headers
  | ReadonlyArray<readonly [string, string]>;

/** Query parameters; an object's `undefined` values are left out. */
export type SearchParams =
  | string
  | URLSearchParams
  | Record<string, string | number | boolean | undefined>;

/** How a client retries retryable outcomes (5xx but 501, 408, 423, 429, timeouts, network failures). */
export interface RetryOptions extends RetryDelayOptions {
  /**
   * How many times a request is sent again at most; a client never retries more than
   * 10 times, whatever the limit. @default {0}
   */
  limit?: number;
}

/** What {@linkcode RequestOptions.onResponse} receives once per attempt. */
export interface ResponseInfo {
  /** The method sent, upper case. */
  method: string;
  /** The URL sent (not redacted: redact before logging it). */
  url: string;
  /** The headers sent (not redacted: they may hold credentials). */
  headers: Headers;
  /** The body sent (for `json`, the JSON text). */
  body?: BodyInit | null;
  /** The response status, or 0 when no response arrived. */
  status: number;
  /** Time from sending to the body being read or the failure, in milliseconds. */
  durationMs: number;
  /** The response, when one arrived. */
  response?: ModifiedResponse;
  /** The error the attempt ended with, when it failed. */
  error?: IntegrationError;
}

/** Options of one request, of a client, or returned by `extendRequest`. */
export interface RequestOptions {
  /** The HTTP method, in any case. @default {"GET"} */
  method?: string;
  /** Headers; names merge case-insensitively, later options win. */
  headers?: RequestHeaders;
  /** A value sent as JSON; sets `content-type: application/json` unless a content type is given. */
  json?: unknown;
  /** A body sent as is (ignored when `json` is given). */
  body?: BodyInit | null;
  /** Query parameters replacing the URL's query. */
  searchParams?: SearchParams;
  /** With `password`, sends `authorization: Basic ...` (overriding any Authorization header). */
  username?: string;
  /** With `username`, sends `authorization: Basic ...`; never shown in messages. */
  password?: string;
  /** Milliseconds to wait for the whole response; `false` waits forever. @default {10000} */
  timeout?: number | false;
  /** Whether a response outside 200–299 throws an `HTTPError`. @default {true} */
  throwHttpErrors?: boolean;
  /** Aborts the request; the timeout still applies. */
  signal?: AbortSignal;
  /** A base URL that relative request URLs are appended to. */
  prefixUrl?: string | URL;
  /**
   * How redirects are handled. `"follow"` follows up to 20, the client itself: within
   * one origin as `fetch` does; to another origin without the credential headers
   * (`authorization`, `cookie`, any header named like a key, token, secret or password,
   * and any header holding one of `secrets`), and a 307 or 308 that would re-send a body
   * to another origin fails with `REDIRECT_REFUSED`. `"manual"` and `"error"` go to
   * `fetch` as they are. @default {"follow"}
   */
  redirect?: RequestRedirect;
  /**
   * `"always"` keeps credential headers and bodies on redirects to another origin, for a
   * partner known to move its API between hosts it controls. @default {"same-origin"}
   */
  redirectCredentials?: "same-origin" | "always";
  /**
   * The largest response body read, in bytes; a longer one (by its `content-length` or
   * as it streams) fails with a `ResponseTooLargeError`, which is not retryable.
   * @default {33554432} (32 MiB)
   */
  maxResponseBytes?: number;
  /** How `data` is read: `json` always parses, `text` never; by default JSON content types are parsed. */
  responseType?: "json" | "text";
  /** Retries of retryable outcomes. @default {{ limit: 0 }} */
  retry?: RetryOptions;
  /** Values removed from error messages and the request kept on errors (password fields). */
  secrets?: readonly string[];
  /** Sends the request; the one seam for tests. @default {globalThis.fetch} */
  fetch?: FetchFunction;
  /** Called once per attempt when it settles, to record requests without wrapping `fetch`. */
  onResponse?: (info: ResponseInfo) => void;
}
