// Turns what went wrong in one attempt into a typed error, with credentials redacted.
import {
  AbortError,
  HTTPError,
  IntegrationError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
} from "../errors.ts";
import type { HeaderRecord } from "./_headers.ts";
import {
  collectSecrets,
  isSensitiveName,
  redactHeaders,
  redactText,
  redactUrl,
} from "./_redact.ts";
import { parseRetryAfter } from "./retry_delay.ts";

/** What an attempt sent, kept so that a failure can be described. */
export interface Sent {
  method: string;
  url: string;
  headers: HeaderRecord;
  body: BodyInit | null | undefined;
  timeout: number | false;
  signal: AbortSignal | undefined;
  secrets: readonly string[] | undefined;
  password: string | undefined;
}

/** The values to hide for `sent`: its secrets, its Basic password and every credential header's value. */
export function secretsOf(sent: Sent): string[] {
  const values = sent.secrets === undefined ? [] : [...sent.secrets];
  for (const name in sent.headers) {
    if (isSensitiveName(name) && name !== "authorization") {
      values.push(sent.headers[name]);
    }
  }
  return collectSecrets(values, sent.password, sent.headers.authorization);
}

function prefix(sent: Sent, secrets: readonly string[]): string {
  return `Cannot send ${sent.method} ${redactUrl(sent.url, secrets)}`;
}

/** Returns the error for a response with a failing status; `content` and `data` are its body. */
export function httpError(
  sent: Sent,
  response: Response,
  content: string,
  data: unknown,
): HTTPError {
  const secrets = secretsOf(sent);
  let state = `received status ${response.status}`;
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location !== null) {
    state += ` (redirect to ${
      redactUrl(resolve(location, sent.url), secrets)
    })`;
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  // A partner may echo a credential in its body, headers or final URL: the error keeps
  // copies without them, since hosts log and inspect errors whole.
  const shown = redactText(content, secrets);
  return new HTTPError(`${prefix(sent, secrets)}: ${state}`, {
    request: redactedRequest(sent, secrets),
    response: redactedResponse(response, secrets),
    content: shown,
    data: shown === content ? data : reparse(shown, data),
    retryAfterMs,
  });
}

function reparse(content: string, data: unknown): unknown {
  if (typeof data === "string") return content;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

/** Returns `response`, or a body-less copy without the secrets its URL or headers held. */
function redactedResponse(
  response: Response,
  secrets: readonly string[],
): Response {
  const headers: Record<string, string> = {};
  let changed = response.url !== "" &&
    redactUrl(response.url, secrets) !== response.url;
  response.headers.forEach((value, name) => {
    const shown = isSensitiveName(name)
      ? "[redacted]"
      : redactText(value, secrets);
    if (shown !== value) changed = true;
    headers[name] = shown;
  });
  if (!changed) return response;
  // Body-less: the body was read into `content`; the copy's `url` is empty.
  return new Response(null, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Returns the error for a body that `responseType: "json"` could not parse. */
export function invalidJSONError(
  sent: Sent,
  status: number,
  cause: unknown,
): IntegrationError {
  const secrets = secretsOf(sent);
  return new IntegrationError(
    `${
      prefix(sent, secrets)
    }: received status ${status} with a body that is not JSON`,
    "INVALID_RESPONSE",
    502,
    { retryable: false, cause: redactError(cause, secrets) },
  );
}

/** Returns the error for a response body longer than `max` bytes. */
export function responseTooLargeError(
  sent: Sent,
  max: number,
): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `${
      prefix(sent, secretsOf(sent))
    }: the response body is larger than ${max} bytes (maxResponseBytes)`,
    max,
  );
}

/** Returns the error for a redirect the client will not follow, and `why`. */
export function redirectRefusedError(
  sent: Sent,
  why: string,
): IntegrationError {
  const secrets = secretsOf(sent);
  return new IntegrationError(
    `${prefix(sent, secrets)}: refused to follow a redirect: ${
      redactUrlsIn(redactText(why, secrets), secrets)
    }`,
    "REDIRECT_REFUSED",
    502,
    { retryable: false },
  );
}

/** Returns the error for a GET or HEAD request given a body. */
export function bodyNotAllowedError(sent: Sent): TypeError {
  return new TypeError(
    `${
      prefix(sent, secretsOf(sent))
    }: a ${sent.method} request cannot have a body`,
  );
}

/**
 * Returns the error for an attempt that got no (complete) response: a timeout, an abort
 * through the caller's signal, or a network failure.
 */
export function transportError(
  sent: Sent,
  error: unknown,
  timedOut: boolean,
  readingBody: boolean,
): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const secrets = secretsOf(sent);
  const start = prefix(sent, secrets);
  if (timedOut) {
    const what = readingBody ? "response body not complete" : "no response";
    return new TimeoutError(`${start}: ${what} within ${sent.timeout} ms`);
  }
  if (sent.signal?.aborted) {
    return new AbortError(`${start}: aborted by its signal`, {
      cause: redactError(sent.signal.reason, secrets),
    });
  }
  const state = redactUrlsIn(
    redactText(describeNetworkFailure(error), secrets),
    secrets,
  );
  const where = readingBody ? " while reading the response body" : "";
  return new NetworkError(`${start}: ${state}${where}`, {
    cause: redactError(error, secrets),
  });
}

const FAILURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/refused/i, "connection refused"],
  [
    /maximum number of redirects|redirect count exceeded|too many redirects/i,
    "too many redirects",
  ],
  [
    /redirect mode is set to .error.|unexpected redirect/i,
    'redirected while redirect is "error"',
  ],
  [
    /dns error|failed to lookup|name or service not known|enotfound|getaddrinfo/i,
    "host not found",
  ],
  [/certificate|tls|ssl/i, "TLS handshake failed"],
  [
    /connection closed|reset|broken pipe|unexpected eof|incomplete|socket hang up|connection error|reading a body/i,
    "connection reset",
  ],
  [/timed out|timeout/i, "connection timed out"],
];

function describeNetworkFailure(error: unknown): string {
  const text = messages(error);
  for (const [pattern, state] of FAILURES) if (pattern.test(text)) return state;
  return `network error (${textOf(error)})`;
}

/** Returns an error's message or the value as text; never throws. */
function textOf(value: unknown): string {
  try {
    const text = value instanceof Error ? value.message : String(value);
    return typeof text === "string" ? text : "a value that is not text";
  } catch {
    return "a value that cannot be shown as text";
  }
}

function messages(error: unknown): string {
  const parts: string[] = [];
  let current = error;
  for (
    let depth = 0;
    depth < 5 && current !== undefined && current !== null;
    depth++
  ) {
    parts.push(textOf(current));
    try {
      current = current instanceof Error ? current.cause : undefined;
    } catch {
      current = undefined;
    }
  }
  return parts.join(" | ");
}

/** Returns `error`, or a copy with secrets removed from its messages when they held any. */
function redactError(
  error: unknown,
  secrets: readonly string[],
  depth = 0,
): unknown {
  const text = messages(error);
  if (redactText(text, secrets) === text && !/\/\/[^/\s]*@/.test(text)) {
    return error;
  }
  const shown = redactUrlsIn(redactText(textOf(error), secrets), secrets);
  if (!(error instanceof Error)) return shown;
  let cause: unknown;
  try {
    cause = depth < 4
      ? redactError(error.cause, secrets, depth + 1)
      : undefined;
  } catch {
    cause = undefined;
  }
  const copy = new Error(shown, { cause });
  try {
    copy.name = String(error.name);
  } catch {
    // Keep the name "Error".
  }
  return copy;
}

const SCHEME_CHAR = /[a-z0-9+.-]/i;
const LETTER = /[a-z]/i;
const URL_REST = /[^\s)]+/y;

/**
 * Replaces each URL in `text`, the matches of `/[a-z][a-z0-9+.-]*:\/\/[^\s)]+/gi`, found
 * in one linear scan: from each `://` back over its scheme to the first letter. The
 * expression itself re-reads a run of letters from each of them (100,000 letters: 25 s).
 */
function redactUrlsIn(text: string, secrets: readonly string[]): string {
  let out = "";
  let at = 0;
  let from = 0;
  while (from < text.length) {
    const colon = text.indexOf("://", from);
    if (colon === -1) break;
    let start = colon;
    while (start > at && SCHEME_CHAR.test(text[start - 1])) start--;
    while (start < colon && !LETTER.test(text[start])) start++;
    URL_REST.lastIndex = colon + 3;
    const rest = URL_REST.exec(text);
    if (start === colon || rest === null) {
      from = colon + 1;
      continue;
    }
    const end = colon + 3 + rest[0].length;
    out += text.slice(at, start) + redactUrl(text.slice(start, end), secrets);
    at = end;
    from = end;
  }
  return at === 0 ? text : out + text.slice(at);
}

function resolve(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Builds the `Request` kept on an `HTTPError`, with credentials replaced. */
function redactedRequest(sent: Sent, secrets: readonly string[]): Request {
  const body = typeof sent.body === "string" && sent.method !== "GET" &&
      sent.method !== "HEAD"
    ? redactText(sent.body, secrets)
    : undefined;
  const headers = redactHeaders(sent.headers, secrets);
  return new Request(redactUrl(sent.url, secrets), {
    method: sent.method,
    headers,
    body,
  });
}
