import { redactSecretHeaders, redactSecrets } from "../request/mod.ts";
import type { RecordedRequest } from "./result.ts";

/**
 * Returns a copy of `request` fit to be written down (a snapshot, a log, the tester's
 * page): `secrets` replaced everywhere (URL, headers, body, JSON, the response and the
 * error) and every credential header `[redacted]` whole. `secrets` usually comes from
 * {@linkcode Destination.secretsOf}.
 *
 * @example
 * ```ts
 * import { redactRecordedRequest } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const shown = redactRecordedRequest({
 *   method: "POST",
 *   url: "https://api.acme.test/v1/sk_0123/track",
 *   headers: { "x-api-key": "sk_0123" },
 *   json: { key: "sk_0123", n: 1 },
 *   status: 200,
 * }, ["sk_0123"]);
 * assert.equal(shown.url, "https://api.acme.test/v1/[redacted]/track");
 * assert.deepEqual(shown.headers, { "x-api-key": "[redacted]" });
 * assert.deepEqual(shown.json, { key: "[redacted]", n: 1 });
 * ```
 */
export function redactRecordedRequest(
  request: RecordedRequest,
  secrets: readonly string[],
): RecordedRequest {
  const copy: RecordedRequest = {
    ...request,
    url: redactSecrets(request.url, secrets),
    headers: redactSecretHeaders(request.headers, secrets),
  };
  if (request.body !== undefined) {
    copy.body = redactSecrets(request.body, secrets);
  }
  if (request.json !== undefined) {
    copy.json = redactValue(request.json, secrets);
  }
  if (request.error !== undefined) {
    copy.error = redactSecrets(request.error, secrets);
  }
  if (request.response !== undefined) {
    copy.response = {
      status: request.response.status,
      headers: redactSecretHeaders(request.response.headers, secrets),
      content: redactSecrets(request.response.content, secrets),
      data: redactValue(request.response.data, secrets),
    };
  }
  return copy;
}

/** Returns a copy of a JSON value with `secrets` replaced in its strings and keys. */
function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, secrets));
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[redactSecrets(key, secrets)] = redactValue(
      (value as Record<string, unknown>)[key],
      secrets,
    );
  }
  return copy;
}
