import { attempt } from "./_attempt.ts";
import { bodyNotAllowedError, type Sent } from "./_failures.ts";
import {
  basicAuthorization,
  type HeaderRecord,
  mergeHeaders,
} from "./_headers.ts";
import { mergeValues } from "./merge_request_options.ts";
import { withRetries } from "./_retry.ts";
import type { ModifiedResponse } from "./modified_response.ts";
import type {
  FetchFunction,
  RequestOptions,
  SearchParams,
} from "./request_options.ts";

/** Sends one request; `Data` types the parsed body. */
export type RequestClient = <Data = unknown>(
  url: string | URL,
  options?: RequestOptions,
) => Promise<ModifiedResponse<Data>>;

// Segment's client sends this user agent; destinations and their partners' allow-lists
// see the same bytes on the wire as with Segment, and the bench compares them exactly.
const DEFAULT_HEADERS: HeaderRecord = { "user-agent": "Segment (Actions)" };
const DEFAULT_TIMEOUT = 10_000;
const JSON_TYPE = "application/json";

/** Per-client state computed once, when the client is created. */
interface Client {
  options: RequestOptions;
  /** Headers without Basic auth, merged with a call's headers. */
  baseHeaders: HeaderRecord;
  /** Headers sent when a call adds none (Basic auth included). */
  headers: HeaderRecord;
  jsonHeaders: HeaderRecord | undefined;
  fetch: FetchFunction;
}

/**
 * Creates a fetch-based request client from option objects merged in order (see
 * {@linkcode mergeRequestOptions}): the runtime's defaults, then `extendRequest`'s output.
 * Every request sends `user-agent: Segment (Actions)` unless told otherwise, waits at
 * most 10 s, and reads the body into `content` and `data`.
 *
 * @throws {RangeError} when `timeout` or `retry` are out of range.
 * @throws {HTTPError} (from a request) for a status outside 200–299, unless `throwHttpErrors` is false.
 * @throws {TimeoutError} (from a request) when no complete response arrived within `timeout`.
 * @throws {AbortError} (from a request) when `signal` aborted it.
 * @throws {NetworkError} (from a request) when the server could not be reached or the connection broke.
 * @throws {TypeError} (from a request) for a GET or HEAD request with a body.
 *
 * @example
 * ```ts
 * import { createRequestClient } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const sent: string[] = [];
 * const fetch = (url: string, init: RequestInit) => {
 *   sent.push(`${init.method} ${url} ${init.body}`);
 *   return Promise.resolve(Response.json({ ok: true }));
 * };
 * const request = createRequestClient({ fetch }, { headers: { Authorization: "Bearer k" } });
 * const response = await request("https://api.acme.test/track", { method: "post", json: { a: 1 } });
 * assert.deepEqual(response.data, { ok: true });
 * assert.deepEqual(sent, ['POST https://api.acme.test/track {"a":1}']);
 * ```
 */
export function createRequestClient(
  ...options: RequestOptions[]
): RequestClient {
  let merged: RequestOptions = {};
  let headers = DEFAULT_HEADERS;
  for (const option of options) {
    merged = mergeValues(merged, option);
    if (option.headers !== undefined) {
      headers = mergeHeaders(headers, option.headers);
    }
  }
  merged.headers = headers;
  checkOptions(merged);
  const client: Client = {
    options: merged,
    baseHeaders: headers,
    headers: withBasicAuth(headers, merged, false),
    jsonHeaders: undefined,
    fetch: merged.fetch ?? globalThis.fetch,
  };
  return function request<Data>(url: string | URL, options?: RequestOptions) {
    try {
      return send(client, url, options) as Promise<ModifiedResponse<Data>>;
    } catch (error) {
      // Mistakes found before sending reject like every other failure.
      return Promise.reject(error);
    }
  };
}

function checkOptions(
  options: RequestOptions,
  what = "Cannot create request client",
): void {
  const { timeout, retry } = options;
  if (timeout !== undefined && timeout !== false && !(timeout > 0)) {
    throw new RangeError(
      `${what}: timeout ${timeout} is not a positive number or false`,
    );
  }
  if (
    retry?.limit !== undefined &&
    !(Number.isInteger(retry.limit) && retry.limit >= 0)
  ) {
    throw new RangeError(
      `${what}: retry limit ${retry.limit} is not a whole number of at least 0`,
    );
  }
  const { maxResponseBytes, redirectCredentials } = options;
  if (maxResponseBytes !== undefined && !(maxResponseBytes > 0)) {
    throw new RangeError(
      `${what}: maxResponseBytes ${maxResponseBytes} is not a positive number`,
    );
  }
  if (
    redirectCredentials !== undefined &&
    redirectCredentials !== "same-origin" &&
    redirectCredentials !== "always"
  ) {
    throw new RangeError(
      `${what}: redirectCredentials "${redirectCredentials}" is not "same-origin" or "always"`,
    );
  }
  for (const key of ["baseMs", "maxMs"] as const) {
    const value = retry?.[key];
    if (value !== undefined && !(value >= 0)) {
      throw new RangeError(
        `${what}: retry ${key} ${value} is not a number of at least 0`,
      );
    }
  }
}

/** Returns `headers` with Basic auth set when `username` or `password` is; copies unless `owned`. */
function withBasicAuth(
  headers: HeaderRecord,
  options: RequestOptions,
  owned: boolean,
): HeaderRecord {
  const { username, password } = options;
  if (!username && !password) return headers;
  const result = owned ? headers : { ...headers };
  result.authorization = basicAuthorization(username ?? "", password ?? "");
  return result;
}

function send(
  client: Client,
  url: string | URL,
  call: RequestOptions | undefined,
) {
  let options = client.options;
  let headers = client.headers;
  let owned = false;
  if (call !== undefined) {
    options = mergeValues(options, call);
    if (call.headers !== undefined) {
      headers = mergeHeaders(client.baseHeaders, call.headers);
      owned = true;
    }
    if (owned || call.username !== undefined || call.password !== undefined) {
      headers = withBasicAuth(
        owned ? headers : client.baseHeaders,
        options,
        owned,
      );
    }
    if (
      call.timeout !== undefined || call.retry !== undefined ||
      call.maxResponseBytes !== undefined ||
      call.redirectCredentials !== undefined
    ) {
      checkOptions(call, "Cannot send");
    }
  }
  let body: BodyInit | null | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (headers["content-type"] === undefined) {
      if (owned) headers["content-type"] = JSON_TYPE;
      else if (headers === client.headers) {
        headers = client.jsonHeaders ??= {
          ...headers,
          "content-type": JSON_TYPE,
        };
      } else headers = { ...headers, "content-type": JSON_TYPE };
    }
  }
  const method = options.method === undefined
    ? "GET"
    : options.method.toUpperCase();
  const sent: Sent = {
    method,
    url: buildURL(url, options.prefixUrl, options.searchParams),
    headers,
    body,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    signal: options.signal,
    secrets: options.secrets,
    password: options.password,
  };
  if (body != null && (method === "GET" || method === "HEAD")) {
    throw bodyNotAllowedError(sent);
  }
  const retry = options.retry;
  if (retry === undefined || !retry.limit || body instanceof ReadableStream) {
    return attempt(client.fetch, sent, options);
  }
  return withRetries(client.fetch, sent, options, retry);
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Returns the URL to send: `url` appended to `prefixUrl` when it is relative (one `/`
 * between them), its query replaced by `searchParams` when given.
 */
function buildURL(
  url: string | URL,
  prefixUrl: string | URL | undefined,
  searchParams: SearchParams | undefined,
): string {
  let href = typeof url === "string" ? url : url.href;
  if (
    prefixUrl !== undefined && typeof url === "string" && !ABSOLUTE.test(url)
  ) {
    const prefix = String(prefixUrl);
    const head = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
    href = url === ""
      ? prefix
      : `${head}/${url.startsWith("/") ? url.slice(1) : url}`;
  }
  if (searchParams === undefined) return href;
  const query = typeof searchParams === "string"
    ? new URLSearchParams(searchParams).toString()
    : searchParams instanceof URLSearchParams
    ? searchParams.toString()
    : recordToQuery(searchParams);
  const hash = href.indexOf("#");
  const end = hash < 0 ? href.length : hash;
  const question = href.indexOf("?");
  const base = question >= 0 && question < end
    ? href.slice(0, question)
    : href.slice(0, end);
  return (query === "" ? base : `${base}?${query}`) + href.slice(end);
}

function recordToQuery(
  record: Record<string, string | number | boolean | undefined>,
): string {
  const params = new URLSearchParams();
  for (const name in record) {
    const value = record[name];
    if (value !== undefined) params.append(name, String(value));
  }
  return params.toString();
}
