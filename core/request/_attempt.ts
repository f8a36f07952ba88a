import { IntegrationError } from "../errors.ts";
import { deadlines } from "./_deadlines.ts";
import {
  httpError,
  invalidJSONError,
  type Sent,
  transportError,
} from "./_failures.ts";
import { ModifiedResponse } from "./modified_response.ts";
import type { FetchFunction, RequestOptions } from "./request_options.ts";

const JSON_TYPE = "application/json";

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
  if (options.redirect !== undefined) init.redirect = options.redirect;
  const exchange: Exchange = {
    readingBody: false,
    timedOut: false,
    response: undefined,
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
    result = finish(sent, options, exchange.response!, content);
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
}

async function read(
  fetchFn: FetchFunction,
  url: string,
  init: RequestInit,
  exchange: Exchange,
): Promise<string> {
  const response = await fetchFn(url, init);
  exchange.response = response;
  exchange.readingBody = true;
  return await response.text();
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
  response: Response,
  content: string,
): ModifiedResponse {
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
  return new ModifiedResponse(response, content, data);
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
