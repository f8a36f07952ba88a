import { IntegrationError } from "../errors.ts";
import { deadlines } from "./_deadlines.ts";
import {
  httpError,
  invalidJSONError,
  redirectRefusedError,
  responseTooLargeError,
  secretsOf,
  type Sent,
  transportError,
} from "./_failures.ts";
import { credentialHeaderNames } from "./_redact.ts";
import { ModifiedResponse } from "./modified_response.ts";
import type { FetchFunction, RequestOptions } from "./request_options.ts";

const JSON_TYPE = "application/json";
/** The default of `maxResponseBytes`: 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Redirects followed at most, as `fetch` does. */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that are credentials whatever their value. */
const CREDENTIAL_HEADERS = ["authorization", "cookie", "proxy-authorization"];

/** Sends one attempt and reads its body, reporting it to `onResponse`. */
export async function attempt(
  fetchFn: FetchFunction,
  sent: Sent,
  options: RequestOptions,
): Promise<ModifiedResponse> {
  const onResponse = options.onResponse;
  const started = onResponse === undefined ? 0 : performance.now();
  const init: RequestInit = { method: sent.method, headers: sent.headers };
  if (sent.body !== undefined) init.body = sent.body;
  const follow = options.redirect === undefined ||
    options.redirect === "follow";
  // The client follows redirects itself, to decide what crosses to another origin.
  init.redirect = follow ? "manual" : options.redirect;
  const exchange: Exchange = {
    readingBody: false,
    timedOut: false,
    response: undefined,
    redirected: false,
    follow,
    sent,
    options,
  };
  let result: ModifiedResponse;
  try {
    if (sent.signal?.aborted) throw sent.signal.reason;
    const timeout = sent.timeout;
    let content: string;
    if (timeout === false) {
      if (sent.signal !== undefined) init.signal = sent.signal;
      content = await read(fetchFn, sent.url, init, exchange);
    } else {
      content = await readWithin(fetchFn, sent, init, exchange, timeout);
    }
    result = finish(sent, options, exchange, content);
  } catch (error) {
    const failure = transportError(
      sent,
      error,
      exchange.timedOut,
      exchange.readingBody,
    );
    if (onResponse !== undefined) {
      report(onResponse, sent, started, undefined, failure);
    }
    throw failure;
  }
  if (onResponse !== undefined) {
    report(onResponse, sent, started, result, undefined);
  }
  return result;
}

interface Exchange {
  readingBody: boolean;
  timedOut: boolean;
  response: Response | undefined;
  /** Whether the client followed a redirect. */
  redirected: boolean;
  /** Whether the client follows redirects (`redirect` is `"follow"`). */
  follow: boolean;
  sent: Sent;
  options: RequestOptions;
}

async function read(
  fetchFn: FetchFunction,
  url: string,
  init: RequestInit,
  exchange: Exchange,
): Promise<string> {
  let response = await fetchFn(url, init);
  if (exchange.follow) {
    for (let hops = 0; isRedirect(response); hops++) {
      if (hops === MAX_REDIRECTS) {
        await discard(response);
        throw new TypeError("too many redirects");
      }
      const next = redirectTarget(exchange, url, init, response);
      await discard(response);
      if (next === undefined) break;
      url = next.url;
      init = next.init;
      exchange.redirected = true;
      response = await fetchFn(url, init);
    }
  }
  if (response.type === "opaqueredirect") {
    // Browsers hide a manual redirect's target: it cannot be checked, so it is not followed.
    throw redirectRefusedError(
      exchange.sent,
      "this runtime hides where it leads",
    );
  }
  exchange.response = response;
  exchange.readingBody = true;
  return await readText(response, exchange);
}

function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) &&
    response.headers.has("location");
}

/** Cancels a body the client will not read. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already read or broken: nothing to free.
  }
}

/**
 * Returns the request that follows the redirect `response` to `url` got: 303 (and 301
 * and 302 after a POST) become a GET without body, as in `fetch`. On a change of origin
 * the credential headers stay behind (unless `redirectCredentials` is `"always"`), and a
 * 307 or 308 that would re-send a body there is refused.
 */
function redirectTarget(
  exchange: Exchange,
  url: string,
  init: RequestInit,
  response: Response,
): { url: string; init: RequestInit } {
  const { sent, options } = exchange;
  let target: URL;
  try {
    target = new URL(response.headers.get("location")!, url);
  } catch {
    throw redirectRefusedError(sent, "its target is not a valid URL");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw redirectRefusedError(
      sent,
      `its target's scheme is ${target.protocol}`,
    );
  }
  let method = String(init.method);
  let body = init.body;
  let headers = { ...(init.headers as Record<string, string>) };
  const status = response.status;
  if (
    (status === 303 && method !== "HEAD") ||
    ((status === 301 || status === 302) && method === "POST")
  ) {
    method = "GET";
    body = undefined;
    for (const name of Object.keys(headers)) {
      if (name.startsWith("content-")) delete headers[name];
    }
  }
  const crossOrigin = target.origin !== new URL(url).origin;
  if (crossOrigin && options.redirectCredentials !== "always") {
    if (body !== undefined && body !== null) {
      throw redirectRefusedError(
        sent,
        `a ${status} would send the body to another origin (${target.origin})`,
      );
    }
    headers = withoutCredentials(headers, secretsOf(sent));
  }
  const next: RequestInit = { ...init, method, headers };
  if (body === undefined) delete next.body;
  else next.body = body;
  return { url: target.href, init: next };
}

function withoutCredentials(
  headers: Record<string, string>,
  secrets: readonly string[],
): Record<string, string> {
  const result = { ...headers };
  for (const name of CREDENTIAL_HEADERS) delete result[name];
  for (const name of credentialHeaderNames(headers, secrets)) {
    delete result[name];
  }
  return result;
}

/** Reads the body as text, failing once it passes `maxResponseBytes`. */
async function readText(
  response: Response,
  exchange: Exchange,
): Promise<string> {
  const { sent, options } = exchange;
  const max = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const length = response.headers.get("content-length");
  if (length !== null) {
    const declared = Number(length);
    if (declared > max) {
      await discard(response);
      throw responseTooLargeError(sent, max);
    }
    // A declared length within the cap: an HTTP client reads no more than it declares.
    if (declared >= 0) return await response.text();
  }
  const body = response.body;
  if (body === null) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw responseTooLargeError(sent, max);
    }
    chunks.push(value);
  }
  return DECODER.decode(chunks.length === 1 ? chunks[0] : concat(chunks, size));
}

/** Decodes whole bodies (never streaming, so it can be shared); drops a BOM as `text()` does. */
const DECODER = new TextDecoder();

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function readWithin(
  fetchFn: FetchFunction,
  sent: Sent,
  init: RequestInit,
  exchange: Exchange,
  timeout: number,
): Promise<string> {
  const controller = new AbortController();
  init.signal = sent.signal === undefined
    ? controller.signal
    : AbortSignal.any([controller.signal, sent.signal]);
  return new Promise((resolve, reject) => {
    // The deadline rejects even when an injected fetch ignores the signal.
    const deadline = deadlines.add(timeout, () => {
      exchange.timedOut = true;
      const reason = new DOMException("The request timed out", "TimeoutError");
      controller.abort(reason);
      reject(reason);
    });
    read(fetchFn, sent.url, init, exchange).then((content) => {
      deadlines.remove(deadline);
      resolve(content);
    }, (error) => {
      deadlines.remove(deadline);
      reject(error);
    });
  });
}

function finish(
  sent: Sent,
  options: RequestOptions,
  exchange: Exchange,
  content: string,
): ModifiedResponse {
  const response = exchange.response!;
  let data: unknown = content;
  const responseType = options.responseType;
  if (responseType === "json") {
    try {
      data = JSON.parse(content);
    } catch (error) {
      if (response.ok || options.throwHttpErrors === false) {
        throw invalidJSONError(sent, response.status, error);
      }
      data = undefined;
    }
  } else if (
    responseType !== "text" &&
    response.headers.get("content-type")?.includes(JSON_TYPE)
  ) {
    try {
      data = JSON.parse(content);
    } catch {
      data = undefined; // as Segment's client: a JSON content type with a bad body gives no data
    }
  }
  if (!response.ok && options.throwHttpErrors !== false) {
    throw httpError(sent, response, content, data);
  }
  return new ModifiedResponse(
    response,
    content,
    data,
    exchange.redirected ? { redirected: true } : undefined,
  );
}

function report(
  onResponse: NonNullable<RequestOptions["onResponse"]>,
  sent: Sent,
  started: number,
  response: ModifiedResponse | undefined,
  error: IntegrationError | undefined,
): void {
  const status = response?.status ??
    (error !== undefined && "response" in error &&
        error.response instanceof Response
      ? error.response.status
      : 0);
  onResponse({
    method: sent.method,
    url: sent.url,
    headers: new Headers(sent.headers),
    body: sent.body,
    status,
    durationMs: performance.now() - started,
    response,
    error,
  });
}
