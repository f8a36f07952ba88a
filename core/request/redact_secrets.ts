import { normalizeSecrets, redactHeaders, redactText } from "./_redact.ts";

/**
 * Returns `text` with each of `secrets` replaced by `[redacted]`, whether it appears raw,
 * percent-encoded, form-encoded (`+` for spaces) or escaped inside JSON. Secrets shorter
 * than 4 characters are left alone: replacing them would garble ordinary words, and
 * a credential that short protects nothing. The runtime uses this on every result
 * message, log line and error it shows; hosts can use it on what they log themselves.
 *
 * @example
 * ```ts
 * import { redactSecrets } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const secrets = ["sk live/42"];
 * assert.equal(
 *   redactSecrets("GET /v1/sk%20live%2F42?key=sk+live%2F42 said: sk live/42", secrets),
 *   "GET /v1/[redacted]?key=[redacted] said: [redacted]",
 * );
 * assert.equal(redactSecrets("table", ["ab"]), "table");
 * ```
 */
export function redactSecrets(
  text: string,
  secrets: readonly string[],
): string {
  return redactText(text, normalizeSecrets(secrets));
}

/**
 * Returns a copy of `headers` (lower-case names) in which every credential header
 * (named like a key, token, secret, password, signature, auth, credential or cookie)
 * is `[redacted]` whole, and `secrets` are replaced in the others.
 *
 * @example
 * ```ts
 * import { redactSecretHeaders } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(
 *   redactSecretHeaders({ authorization: "Bearer t0k3n", "x-tag": "v:t0k3n", accept: "text/plain" }, ["t0k3n"]),
 *   { authorization: "[redacted]", "x-tag": "v:[redacted]", accept: "text/plain" },
 * );
 * ```
 */
export function redactSecretHeaders(
  headers: Readonly<Record<string, string>>,
  secrets: readonly string[],
): Record<string, string> {
  return redactHeaders(headers, normalizeSecrets(secrets));
}
