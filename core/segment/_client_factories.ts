// Segment's two client factories and its fetch exports, on destkit's request client.
import {
  createSegmentClient,
  type RequestClient,
  type RequestOptions,
} from "./_request_client.ts";

/**
 * Segment's `createRequestClient(...options)`: user agent `Segment (Actions)`, Basic auth from
 * `username`/`password`, responses with `content` and `data`. Requests go through
 * `globalThis.fetch` (read when each request is sent).
 */
export function createRequestClient(
  ...requestOptions: RequestOptions[]
): RequestClient {
  return createSegmentClient({}, requestOptions);
}

/** A client with `.extend(defaults)`, as Segment's `createInstance` returns it. */
export interface ExtendableClient extends RequestClient {
  extend(defaults: RequestOptions): ExtendableClient;
}

/** Segment's bare client, `createInstance(defaults)`: no default user agent; `.extend` adds defaults. */
export function createInstance(
  defaults: RequestOptions = {},
): ExtendableClient {
  const client = createSegmentClient({}, [defaults], false) as ExtendableClient;
  client.extend = (more) => createInstance(mergeDefaults(defaults, more));
  return client;
}

function mergeDefaults(
  base: RequestOptions,
  extra: RequestOptions,
): RequestOptions {
  const headers = new Headers(base.headers as HeadersInit | undefined);
  new Headers(extra.headers as HeadersInit | undefined).forEach((value, key) =>
    headers.set(key, value)
  );
  return { ...base, ...extra, headers: Object.fromEntries(headers.entries()) };
}

/** `fetch` as Segment exports it: the global `fetch` at the time of the call. */
export default function fetch(
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  return globalThis.fetch(input, init);
}

const { Request, Response, Headers: HeadersClass } = globalThis;
export { HeadersClass as Headers, Request, Response };
