// One declared expectation: what a request must look like, and the reply it gets.
import type { RecordedRequest } from "@destkit/core";

/** What a path, query value, header or body is compared with. */
export type Matcher<T> = T | RegExp | ((value: T) => boolean);

/** A body expectation: a JSON value compared deeply, a string, a RegExp or a predicate. */
export type BodyMatcher = unknown;

/** What a reply function returns: a `Response`, or `[status, body?, headers?]`. */
export type ReplyValue = Response | [number, unknown?, Record<string, string>?];

/** How an expectation answers. */
export type Reply =
  | {
    kind: "static";
    status: number;
    body: unknown;
    headers: Record<string, string>;
  }
  | {
    kind: "function";
    fn: (request: RecordedRequest) => ReplyValue | Promise<ReplyValue>;
  }
  | { kind: "error"; error: Error };

/** Everything an expectation checks. */
export interface ExpectationSpec {
  origin: string | RegExp;
  method: string;
  path: Matcher<string>;
  query?:
    | true
    | Record<string, string | RegExp>
    | ((query: Record<string, string>) => boolean);
  headers: [string, Matcher<string>][];
  body?: BodyMatcher;
  hasBody: boolean;
  times: number;
  persist: boolean;
  reply?: Reply;
  used: number;
}

/** One reason a request does not match an expectation. */
export interface Mismatch {
  part: "origin" | "method" | "path" | "query" | "header" | "body";
  detail: string;
}

/** Returns why `request` does not match `spec` (empty when it matches). */
export function mismatches(
  spec: ExpectationSpec,
  request: RecordedRequest,
): Mismatch[] {
  const found: Mismatch[] = [];
  const url = new URL(request.url);
  if (!matchValue(spec.origin, url.origin)) {
    found.push({
      part: "origin",
      detail: `${url.origin} is not ${describeMatcher(spec.origin)}`,
    });
  }
  if (spec.method !== "*" && spec.method !== request.method) {
    found.push({
      part: "method",
      detail: `${request.method} is not ${spec.method}`,
    });
  }
  if (!matchValue(spec.path, url.pathname)) {
    found.push({
      part: "path",
      detail: `${url.pathname} is not ${describeMatcher(spec.path)}`,
    });
  }
  const query = Object.fromEntries(url.searchParams);
  const queryProblem = checkQuery(spec.query, query, url.search);
  if (queryProblem !== undefined) {
    found.push({ part: "query", detail: queryProblem });
  }
  for (const [name, expected] of spec.headers) {
    const actual = request.headers[name.toLowerCase()];
    if (actual === undefined || !matchValue(expected, actual)) {
      found.push({
        part: "header",
        detail: `${name}: ${
          actual === undefined ? "(absent)" : JSON.stringify(actual)
        } is not ${describeMatcher(expected)}`,
      });
    }
  }
  if (spec.hasBody && !matchBody(spec.body, request)) {
    found.push({
      part: "body",
      detail: `${shorten(request.body ?? "(none)")} is not ${
        describeBody(spec.body)
      }`,
    });
  }
  return found;
}

/** Describes an expectation in one line: `POST https://api.example.com/v1/track`. */
export function describeExpectation(spec: ExpectationSpec): string {
  const origin = typeof spec.origin === "string"
    ? spec.origin
    : String(spec.origin);
  const path = typeof spec.path === "string"
    ? spec.path
    : describeMatcher(spec.path);
  let text = `${spec.method === "*" ? "ANY" : spec.method} ${origin}${path}`;
  if (
    spec.query !== undefined && spec.query !== true &&
    typeof spec.query !== "function"
  ) {
    text += ` query ${JSON.stringify(spec.query, regexpReplacer)}`;
  }
  for (const [name, value] of spec.headers) {
    text += ` ${name}: ${describeMatcher(value)}`;
  }
  if (spec.hasBody) text += ` body ${describeBody(spec.body)}`;
  return text;
}

function checkQuery(
  expected: ExpectationSpec["query"],
  query: Record<string, string>,
  search: string,
): string | undefined {
  if (expected === true) return undefined;
  if (expected === undefined) {
    return search === ""
      ? undefined
      : `${search} was not expected (declare .query())`;
  }
  if (typeof expected === "function") {
    return expected(query) ? undefined : `${search || "(none)"} was refused`;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(query)]);
  for (const key of keys) {
    const want = expected[key];
    const have = query[key];
    if (want === undefined) return `${key}=${have} was not expected`;
    if (have === undefined) return `${key} is missing`;
    if (!matchValue(want, have)) {
      return `${key}=${have} is not ${describeMatcher(want)}`;
    }
  }
  return undefined;
}

function matchValue<T>(matcher: Matcher<T>, value: T): boolean {
  if (matcher instanceof RegExp) return matcher.test(String(value));
  if (typeof matcher === "function") {
    return (matcher as (value: T) => boolean)(value);
  }
  return matcher === value;
}

function matchBody(expected: unknown, request: RecordedRequest): boolean {
  const text = request.body;
  if (expected instanceof RegExp) {
    return text !== undefined && expected.test(text);
  }
  const parsed = request.json !== undefined ? request.json : text;
  if (typeof expected === "function") return Boolean(expected(parsed));
  if (typeof expected === "string") return text === expected;
  if (expected instanceof URLSearchParams) return text === expected.toString();
  return request.json !== undefined && deepEqual(request.json, expected);
}

/** Whether two JSON values are equal (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (
    typeof a !== "object" || typeof b !== "object" || a === null || b === null
  ) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return false;
    if (
      !deepEqual(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
      )
    ) return false;
  }
  return true;
}

function describeMatcher(matcher: unknown): string {
  if (matcher instanceof RegExp) return `matching ${matcher}`;
  if (typeof matcher === "function") return "accepted by its function";
  return JSON.stringify(matcher);
}

function describeBody(body: unknown): string {
  if (body instanceof RegExp || typeof body === "function") {
    return describeMatcher(body);
  }
  return shorten(typeof body === "string" ? body : JSON.stringify(body));
}

function regexpReplacer(_key: string, value: unknown) {
  return value instanceof RegExp ? String(value) : value;
}

/** Cuts long text for messages. */
export function shorten(text: string, limit = 300): string {
  return text.length > limit
    ? `${text.slice(0, limit)}… (${text.length} characters)`
    : text;
}
