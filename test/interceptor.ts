import { AssertionError } from "node:assert";
import type { FetchFunction, RecordedRequest } from "@destkit/core";
import {
  type BodyMatcher,
  describeExpectation,
  type ExpectationSpec,
  type Matcher,
  type Mismatch,
  mismatches,
  type ReplyValue,
  shorten,
} from "./_expectation.ts";

/** A request no expectation matched: the message shows it and the closest expectation. */
export class UnexpectedRequestError extends Error {
  override name = "UnexpectedRequestError";
  /** The request. */
  readonly request: RecordedRequest;
  constructor(message: string, request: RecordedRequest) {
    super(message);
    this.request = request;
  }
}

/**
 * Declares expected requests and answers them through {@linkcode Interceptor.fetch},
 * which a destination gets instead of the network: nothing global is patched. A
 * request that matches no expectation fails; so does an expectation never used
 * ({@linkcode Interceptor.assertDone}).
 *
 * @example
 * ```ts
 * import { createInterceptor } from "@destkit/test";
 * import { createRequestClient } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const interceptor = createInterceptor();
 * interceptor.intercept("https://api.example.com").post("/v1/track", { event: "Signed Up" }).reply(200, { ok: true });
 * const request = createRequestClient({ fetch: interceptor.fetch });
 * const response = await request("https://api.example.com/v1/track", { method: "post", json: { event: "Signed Up" } });
 * assert.deepEqual(response.data, { ok: true });
 * interceptor.assertDone();
 * ```
 */
export class Interceptor {
  readonly #expectations: ExpectationSpec[] = [];
  readonly #requests: RecordedRequest[] = [];
  readonly #unexpected: UnexpectedRequestError[] = [];

  /** The `fetch` to hand the destination: it answers from the expectations, never from the network. */
  readonly fetch: FetchFunction = (url, init) => this.#handle(url, init);

  /** Starts expectations for requests to `origin` (`https://api.example.com`, or a RegExp). */
  intercept(origin: string | RegExp): Scope {
    if (typeof origin === "string") {
      try {
        origin = new URL(origin).origin;
      } catch {
        throw new TypeError(
          `Cannot intercept ${
            JSON.stringify(origin)
          }: it is not an absolute URL`,
        );
      }
    }
    return new Scope(origin, (spec) => this.#expectations.push(spec));
  }

  /** Every request seen, in order, with its response. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Returns the expectations still waiting for a request (persistent ones excluded). */
  pending(): string[] {
    return this.#expectations
      .filter((spec) => !spec.persist && spec.used < spec.times)
      .map((spec) =>
        `${describeExpectation(spec)} (${
          spec.times - spec.used
        } of ${spec.times} left)`
      );
  }

  /**
   * Throws when a request matched no expectation, or an expectation (not `persist()`) was
   * not used as many times as declared.
   *
   * @throws {AssertionError} naming each unexpected request and each unused expectation.
   */
  assertDone(): void {
    const problems: string[] = this.#unexpected.map((error) => error.message);
    const pending = this.pending();
    if (pending.length > 0) {
      problems.push(
        `Expected requests that never came:\n${
          pending.map((line) => `  ${line}`).join("\n")
        }`,
      );
    }
    if (problems.length > 0) {
      throw new AssertionError({ message: problems.join("\n\n") });
    }
  }

  /** Throws for unexpected requests only (unused expectations are fine). */
  assertNoUnexpected(): void {
    if (this.#unexpected.length > 0) {
      throw new AssertionError({
        message: this.#unexpected.map((error) => error.message).join("\n\n"),
      });
    }
  }

  /** Forgets every expectation and request. */
  reset(): void {
    this.#expectations.length = 0;
    this.#requests.length = 0;
    this.#unexpected.length = 0;
  }

  async #handle(url: string, init: RequestInit): Promise<Response> {
    const recorded = await record(url, init);
    this.#requests.push(recorded);
    const spec = this.#expectations.find((candidate) =>
      (candidate.persist || candidate.used < candidate.times) &&
      mismatches(candidate, recorded).length === 0
    );
    if (spec === undefined) {
      const error = new UnexpectedRequestError(
        this.#explain(recorded),
        recorded,
      );
      this.#unexpected.push(error);
      recorded.error = error.message;
      throw error;
    }
    spec.used++;
    const reply = spec.reply!;
    if (reply.kind === "error") {
      recorded.error = reply.error.message;
      throw reply.error;
    }
    let response: Response;
    if (reply.kind === "static") {
      response = buildResponse(reply.status, reply.body, reply.headers);
    } else {
      const value = await reply.fn(recorded);
      response = value instanceof Response
        ? value
        : buildResponse(value[0], value[1], value[2] ?? {});
    }
    const content = await response.clone().text();
    recorded.status = response.status;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => headers[key] = value);
    let data: unknown = content;
    if (headers["content-type"]?.includes("json")) {
      try {
        data = JSON.parse(content);
      } catch {
        data = undefined;
      }
    }
    recorded.response = { status: response.status, headers, content, data };
    return response;
  }

  #explain(request: RecordedRequest): string {
    const lines = [
      `Unexpected request: no expectation matches ${request.method} ${request.url}`,
    ];
    lines.push(`  headers: ${JSON.stringify(request.headers)}`);
    if (request.body !== undefined) {
      lines.push(`  body: ${shorten(request.body)}`);
    }
    let closest:
      | { spec: ExpectationSpec; found: Mismatch[]; score: number }
      | undefined;
    for (const spec of this.#expectations) {
      const found = mismatches(spec, request);
      const exhausted = !spec.persist && spec.used >= spec.times;
      const score = found.reduce((sum, mismatch) =>
        sum + WEIGHTS[mismatch.part], 0) + (exhausted ? 0.5 : 0);
      if (closest === undefined || score < closest.score) {
        closest = { spec, found, score };
      }
    }
    if (closest === undefined) {
      lines.push(
        "No expectation was declared: add one with intercept(origin).post(path).reply(status, body)",
      );
    } else {
      lines.push(`Closest expectation: ${describeExpectation(closest.spec)}`);
      for (const mismatch of closest.found) {
        lines.push(`  ${mismatch.part}: ${mismatch.detail}`);
      }
      if (closest.found.length === 0) {
        lines.push(
          `  it matches, but was already used ${closest.spec.used} time(s): add .times(n) or .persist()`,
        );
      }
    }
    return lines.join("\n");
  }
}

const WEIGHTS: Record<Mismatch["part"], number> = {
  origin: 8,
  method: 4,
  path: 4,
  query: 2,
  header: 1,
  body: 2,
};

/** Returns a new {@linkcode Interceptor}. */
export function createInterceptor(): Interceptor {
  return new Interceptor();
}

/** Expectations for one origin: `scope.post(path, body?)` starts one. */
export class Scope {
  readonly #origin: string | RegExp;
  readonly #add: (spec: ExpectationSpec) => void;
  readonly #headers: [string, Matcher<string>][] = [];

  constructor(origin: string | RegExp, add: (spec: ExpectationSpec) => void) {
    this.#origin = origin;
    this.#add = add;
  }

  /** Requires a header on every later expectation of this scope. */
  matchHeader(name: string, value: Matcher<string>): this {
    this.#headers.push([name.toLowerCase(), value]);
    return this;
  }

  /** Expects a GET. */
  get(path: Matcher<string>): Expectation {
    return this.#start("GET", path, false, undefined);
  }
  /** Expects a POST; a `body` must match (a JSON value deeply, a string exactly, a RegExp or a predicate). */
  post(path: Matcher<string>, body?: BodyMatcher): Expectation {
    return this.#start("POST", path, body !== undefined, body);
  }
  /** Expects a PUT. */
  put(path: Matcher<string>, body?: BodyMatcher): Expectation {
    return this.#start("PUT", path, body !== undefined, body);
  }
  /** Expects a PATCH. */
  patch(path: Matcher<string>, body?: BodyMatcher): Expectation {
    return this.#start("PATCH", path, body !== undefined, body);
  }
  /** Expects a DELETE. */
  delete(path: Matcher<string>, body?: BodyMatcher): Expectation {
    return this.#start("DELETE", path, body !== undefined, body);
  }
  /** Expects a HEAD. */
  head(path: Matcher<string>): Expectation {
    return this.#start("HEAD", path, false, undefined);
  }
  /** Expects any method. */
  any(path: Matcher<string> = /.*/, body?: BodyMatcher): Expectation {
    return this.#start("*", path, body !== undefined, body);
  }

  #start(
    method: string,
    path: Matcher<string>,
    hasBody: boolean,
    body: BodyMatcher,
  ): Expectation {
    const spec: ExpectationSpec = {
      origin: this.#origin,
      method,
      path,
      headers: [...this.#headers],
      hasBody,
      body,
      times: 1,
      persist: false,
      used: 0,
    };
    return new Expectation(spec, () => {
      this.#add(spec);
      return this;
    });
  }
}

/** One expected request: refine it, then `reply` to register it. */
export class Expectation {
  readonly #spec: ExpectationSpec;
  readonly #register: () => Scope;

  constructor(spec: ExpectationSpec, register: () => Scope) {
    this.#spec = spec;
    this.#register = register;
  }

  /** Requires the query: exact values (or RegExps), `true` for any, or a predicate. */
  query(
    query:
      | true
      | Record<string, string | number | boolean | RegExp>
      | ((query: Record<string, string>) => boolean),
  ): this {
    if (query === true || typeof query === "function") {
      this.#spec.query = query;
    } else {
      const normalized: Record<string, string | RegExp> = {};
      for (const [key, value] of Object.entries(query)) {
        normalized[key] = value instanceof RegExp ? value : String(value);
      }
      this.#spec.query = normalized;
    }
    return this;
  }

  /** Requires a header (name case-insensitive). */
  matchHeader(name: string, value: Matcher<string>): this {
    this.#spec.headers.push([name.toLowerCase(), value]);
    return this;
  }

  /** Expects the request `count` times. @default {1} */
  times(count: number): this {
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(
        `Cannot expect a request ${count} times: expected a whole number of at least 1`,
      );
    }
    this.#spec.times = count;
    return this;
  }

  /** Answers any number of matching requests, and is never reported as unused. */
  persist(): this {
    this.#spec.persist = true;
    return this;
  }

  /**
   * Answers with `status` and `body` (an object or array is sent as JSON), or with what
   * a function returns for the recorded request. Returns the scope, to chain more.
   */
  reply(
    status: number,
    body?: unknown,
    headers?: Record<string, string>,
  ): Scope;
  reply(
    fn: (request: RecordedRequest) => ReplyValue | Promise<ReplyValue>,
  ): Scope;
  reply(
    statusOrFn:
      | number
      | ((request: RecordedRequest) => ReplyValue | Promise<ReplyValue>),
    body?: unknown,
    headers: Record<string, string> = {},
  ): Scope {
    this.#spec.reply = typeof statusOrFn === "function"
      ? { kind: "function", fn: statusOrFn }
      : { kind: "static", status: statusOrFn, body, headers };
    return this.#register();
  }

  /** Fails the request as a network failure would (`fetch` rejects with `error`). */
  replyWithError(error: string | Error): Scope {
    this.#spec.reply = {
      kind: "error",
      error: typeof error === "string" ? new TypeError(error) : error,
    };
    return this.#register();
  }
}

async function record(
  url: string,
  init: RequestInit,
): Promise<RecordedRequest> {
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => headers[key] = value);
  const method = (init.method ?? "GET").toUpperCase();
  const recorded: RecordedRequest = { method, url, headers, status: 0 };
  if (init.body !== undefined && init.body !== null) {
    const body = typeof init.body === "string"
      ? init.body
      : await new Response(init.body).text();
    recorded.body = body;
    if (headers["content-type"]?.includes("json")) {
      try {
        recorded.json = JSON.parse(body);
      } catch {
        // Declared JSON but is not: matchers see the text.
      }
    }
  }
  return recorded;
}

function buildResponse(
  status: number,
  body: unknown,
  headers: Record<string, string>,
): Response {
  const allHeaders = new Headers(headers);
  let text: string | null = null;
  if (typeof body === "string") {
    text = body;
    if (!allHeaders.has("content-type")) {
      allHeaders.set("content-type", "text/plain;charset=UTF-8");
    }
  } else if (body !== undefined && body !== null) {
    text = JSON.stringify(body);
    if (!allHeaders.has("content-type")) {
      allHeaders.set("content-type", "application/json");
    }
  }
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : text, { status, headers: allHeaders });
}
