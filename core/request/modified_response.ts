/**
 * A response whose body has been read: `content` is the text and `data` the parsed
 * JSON (for JSON content types; otherwise the text, as in Segment's client).
 *
 * @example
 * ```ts
 * import { createRequestClient } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const fetch = () => Promise.resolve(Response.json({ id: 7 }));
 * const request = createRequestClient({ fetch });
 * const response = await request<{ id: number }>("https://api.acme.test/users/7");
 * assert.equal(response.status, 200);
 * assert.equal(response.data.id, 7);
 * assert.equal(response.content, '{"id":7}');
 * ```
 */
export class ModifiedResponse<T = unknown> {
  /** The response as `fetch` returned it; its body has been read. */
  readonly response: Response;
  /** The response body as text. */
  readonly content: string;
  /** The body parsed as JSON for JSON content types (or `responseType: "json"`), else the text. */
  readonly data: T;

  readonly #redirected: boolean;

  /** Wraps `response`; `redirected` says the client followed a redirect to get it. */
  constructor(
    response: Response,
    content: string,
    data: T,
    init: { redirected?: boolean } = {},
  ) {
    this.response = response;
    this.content = content;
    this.data = data;
    this.#redirected = init.redirected ?? false;
  }

  /** The HTTP status. */
  get status(): number {
    return this.response.status;
  }

  /** The HTTP status text. */
  get statusText(): string {
    return this.response.statusText;
  }

  /** Whether the status is within 200–299. */
  get ok(): boolean {
    return this.response.ok;
  }

  /** The final URL, after redirects. */
  get url(): string {
    return this.response.url;
  }

  /** Whether a redirect was followed. */
  get redirected(): boolean {
    return this.#redirected || this.response.redirected;
  }

  /** The response headers. */
  get headers(): Headers {
    return this.response.headers;
  }

  /** Returns the body parsed as JSON, as `Response.json()` would (the body stays readable here). */
  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.content));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Returns the body text, as `Response.text()` would. */
  text(): Promise<string> {
    return Promise.resolve(this.content);
  }
}
