// Segment's two client factories and its fetch exports, on destkit's request client.
import { segmentMerge } from "./_merge_options.ts";
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
  client.extend = (more) =>
    createInstance(segmentMerge({}, defaults, more) as RequestOptions);
  return client;
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
