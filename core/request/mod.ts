/**
 * The fetch-based request client destinations send with: `request(url, options)` with
 * Segment's option set (`method` in any case, `json`, `searchParams`, `username` and
 * `password`, `timeout`, `throwHttpErrors`, `prefixUrl`, ...), `extendRequest` output
 * merged into every request, and typed errors (`HTTPError`, `TimeoutError`,
 * `NetworkError`, `AbortError`) whose messages name the method and URL but never a
 * credential. Tests pass their own `fetch`.
 *
 * ```ts
 * import { createRequestClient, HTTPError } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const fetch = () => Promise.resolve(new Response("<h1>down</h1>", { status: 503 }));
 * const request = createRequestClient({ fetch });
 * await assert.rejects(request("https://api.acme.test/v1/track", { method: "POST", json: {} }), (error) => {
 *   assert.ok(error instanceof HTTPError);
 *   assert.equal(error.message, "Cannot send POST https://api.acme.test/v1/track: received status 503");
 *   assert.equal(error.retryable, true);
 *   assert.equal(error.content, "<h1>down</h1>");
 *   return true;
 * });
 * ```
 *
 * @module
 */

export { createRequestClient } from "./create_request_client.ts";
export type { RequestClient } from "./create_request_client.ts";
export { mergeRequestOptions } from "./merge_request_options.ts";
export { ModifiedResponse } from "./modified_response.ts";
export { redactSecretHeaders, redactSecrets } from "./redact_secrets.ts";
export { parseRetryAfter, retryDelay } from "./retry_delay.ts";
export type { RetryDelayOptions } from "./retry_delay.ts";
export type * from "./request_options.ts";
