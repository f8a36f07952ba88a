// Segment's request client on destkit's: the same options and bytes on the wire (destkit's
// client implements Segment's option set), with Segment's response and error shapes.
import {
  AbortError,
  HTTPError as NativeHTTPError,
  NetworkError,
  TimeoutError as NativeTimeoutError,
} from "../errors.ts";
import { segmentMerge, segmentQuery } from "./_merge_options.ts";
import { segmentWireURL } from "./_wire_url.ts";

// deno-lint-ignore no-explicit-any
type Bag = Record<string, any>;
import {
  createRequestClient as createNativeClient,
  type FetchFunction,
  type RequestOptions as NativeRequestOptions,
  type ResponseInfo,
} from "../request/mod.ts";

/** How long a request may take unless told otherwise, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT = 10_000;

/** Options of a request, of a client, or returned by `extendRequest`, as Segment names them. */
export interface RequestOptions extends Omit<NativeRequestOptions, "headers"> {
  /** Headers; `undefined` values are left out. */
  headers?: Record<string, string | undefined> | Headers | [string, string][];
  /** Hooks Segment's client runs after each response (the response may be replaced). */
  afterResponse?: AfterResponseHook[];
  /** Ignored: Segment reads the body from a clone unless this is set; destkit always reads it once. */
  skipResponseCloning?: boolean;
  /** Segment's stats sink; destkit has none and ignores it. */
  statsContext?: unknown;
  /** Accepted for Segment's code and ignored (fetch manages connections). */
  agent?: unknown;
  /** Accepted for Segment's code and ignored. */
  beforeRequest?: unknown[];
}

/** What Segment's `afterResponse` hooks receive. */
export type AfterResponseHook = (
  request: Request,
  options: RequestOptions,
  response: ModifiedResponse,
) => unknown;

/** A response whose body has been read: `content` (text) and `data` (parsed JSON, or the text). */
export interface ModifiedResponse<T = unknown> extends Response {
  content: string;
  data: T;
}

/** A response with the request and options that produced it, as `Destination.responses` keeps them. */
export interface DecoratedResponse<T = unknown> extends ModifiedResponse<T> {
  request: Request;
  options: RequestOptions;
}

/** Segment's request function: `request(url, options)`. */
export type RequestClient = <Data = unknown>(
  url: string,
  options?: RequestOptions,
) => Promise<ModifiedResponse<Data>>;

/** A failed response (`throwHttpErrors` on): the message is the status text, as in Segment. */
export class HTTPError extends NativeHTTPError {
  /** The options the request was sent with. */
  readonly options: RequestOptions;
  constructor(
    response: ModifiedResponse,
    request: Request,
    options: RequestOptions,
  ) {
    super(response.statusText ?? String(response.status), {
      request,
      response,
      content: response.content,
      data: response.data,
    });
    this.options = options;
    // Segment's HTTPError carries no code or status of its own (its response has the status).
    const writable = this as unknown as Record<string, unknown>;
    writable.name = new.target.name;
    writable.code = undefined;
    writable.status = undefined;
  }
}

/** Segment's `RequestTimeoutError`: code `REQUESTTIMEOUTERROR`, status 408. */
export class RequestTimeoutError extends NativeTimeoutError {
  constructor(message = "Request timed out before receiving a response") {
    super(message);
    const writable = this as unknown as Record<string, unknown>;
    writable.name = new.target.name;
    writable.code = "REQUESTTIMEOUTERROR";
  }
}

/** A request that got no complete response within `timeout`, as Segment's client reports it. */
class TimeoutError extends NativeTimeoutError {
  constructor(timeout: unknown) {
    super(`Request timed out after ${timeout}ms`);
    (this as unknown as Record<string, unknown>).status = undefined;
  }
}

/** A request aborted by its `signal`, as Segment's client reports it. */
class RequestClientError extends AbortError {
  constructor() {
    super("Request was aborted");
    const writable = this as unknown as Record<string, unknown>;
    writable.name = "RequestClientError";
    writable.code = "REQUESTCLIENTERROR";
    writable.status = 408;
  }
}

/** Options the drop-in adds to a client (the seam tests and the `Destination` use). */
export interface ClientHooks {
  /** Sends the requests. @default {globalThis.fetch} */
  fetch?: FetchFunction;
}

const SEGMENT_ONLY = [
  "afterResponse",
  "skipResponseCloning",
  "statsContext",
  "agent",
  "beforeRequest",
  "throwHttpErrors",
] as const;

/** The one option object destkit's client sends with: Segment's merged headers, query and body. */
function wireOptions(
  all: RequestOptions,
  hooks: ClientHooks,
): NativeRequestOptions {
  const native: Bag = { ...all };
  for (const key of SEGMENT_ONLY) delete native[key];
  const headers: Record<string, string | undefined> = {
    // destkit's client adds a user agent unless told not to; Segment's sends what was merged.
    "user-agent": undefined,
  };
  (all.headers as Headers).forEach((value, key) => {
    headers[key] = value;
  });
  // Segment's client sets this after merging, over any content type given.
  if (all.json !== undefined) headers["content-type"] = "application/json";
  native.headers = headers;
  native.searchParams = segmentQuery(all.searchParams);
  if (native.searchParams === undefined) delete native.searchParams;
  if (hooks.fetch !== undefined) native.fetch = hooks.fetch;
  return native as NativeRequestOptions;
}

function decorate(
  info: ResponseInfo,
  options: RequestOptions,
): { response: ModifiedResponse; request: Request } {
  const native = info.response!;
  const response = readableCopy(native.response, native.content);
  response.content = native.content;
  response.data = segmentData(native.content, response.headers);
  Object.defineProperty(response.headers, "toJSON", {
    enumerable: false,
    configurable: true,
    value: () => Object.fromEntries(response.headers.entries()),
  });
  const request = new Request(info.url, {
    method: info.method,
    headers: info.headers,
    body: info.method === "GET" || info.method === "HEAD"
      ? undefined
      : info.body,
  });
  const decorated = response as DecoratedResponse;
  decorated.request = request;
  decorated.options = options;
  return { response, request };
}

const NULL_BODY = new Set([204, 205, 304]);

/**
 * Segment reads a clone, so `response.json()`/`.text()` still work in a destination: the copy
 * has the body again, with the original's status, headers, URL and redirect flag.
 */
function readableCopy(original: Response, content: string): ModifiedResponse {
  // `Response` cannot be built with a status outside 200–599: keep the original then.
  if (original.status < 200 || original.status > 599) {
    return original as ModifiedResponse;
  }
  const copy = new Response(NULL_BODY.has(original.status) ? null : content, {
    status: original.status,
    statusText: original.statusText,
    headers: original.headers,
  });
  Object.defineProperty(copy, "url", { value: original.url });
  Object.defineProperty(copy, "redirected", { value: original.redirected });
  return copy as ModifiedResponse;
}

// Segment parses JSON content types and keeps text otherwise; a broken JSON body gives `undefined`.
function segmentData(content: string, headers: Headers): unknown {
  if (!headers.get("content-type")?.includes("application/json")) {
    return content;
  }
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

function segmentFailure(
  error: unknown,
  timeout: unknown,
  url: string,
): unknown {
  if (error instanceof NativeTimeoutError) return new TimeoutError(timeout);
  if (error instanceof AbortError) return new RequestClientError();
  if (error instanceof NetworkError) {
    const cause = error.cause as { message?: string } | undefined;
    const failure = new Error(
      `request to ${url} failed, reason: ${cause?.message ?? error.message}`,
    );
    failure.name = "FetchError";
    return failure;
  }
  return error;
}

/**
 * Creates Segment's request client from option objects merged in order: sends through destkit's
 * client (user agent `Segment (Actions)`, 10 s timeout, `json`, `searchParams`, Basic auth), and
 * returns responses with `content` and `data`; a status outside 200–299 throws {@linkcode HTTPError}
 * unless `throwHttpErrors` is false.
 */
export function createSegmentClient(
  hooks: ClientHooks,
  defaults: readonly RequestOptions[],
  userAgent = true,
): RequestClient {
  const base = userAgent
    ? [{ headers: { "user-agent": "Segment (Actions)" } }]
    : [];
  const merged = [...base, ...defaults].reduce<Bag>(
    (all, options) => segmentMerge({}, all, options),
    {},
  );
  return async function request<Data>(
    url: string,
    options: RequestOptions = {},
  ): Promise<ModifiedResponse<Data>> {
    const all = segmentMerge({}, merged, options) as RequestOptions;
    let seen: ResponseInfo | undefined;
    const client = createNativeClient(wireOptions(all, hooks), {
      throwHttpErrors: false,
      onResponse: (info) => {
        seen = info;
      },
    });
    // node-fetch refuses a URL without a protocol and host before sending anything.
    const target = URL.parse(String(url));
    if (target === null || target.hostname === "") {
      throw new TypeError("Only absolute URLs are supported");
    }
    try {
      await client(segmentWireURL(String(url)));
    } catch (error) {
      throw segmentFailure(
        error,
        all.timeout ?? DEFAULT_REQUEST_TIMEOUT,
        String(url),
      );
    }
    const decorated = decorate(seen!, all);
    let response = decorated.response;
    for (const hook of all.afterResponse ?? []) {
      const replaced = await hook(decorated.request, all, response);
      if (replaced instanceof Response) response = replaced as ModifiedResponse;
    }
    if (!response.ok && all.throwHttpErrors !== false) {
      throw new HTTPError(response, decorated.request, all);
    }
    return response as ModifiedResponse<Data>;
  };
}
