import { normalizeSecrets, redactText } from "./_redact.ts";

/**
 * Returns `text` with each of `secrets` replaced by `[redacted]`, whether it appears raw,
 * percent-encoded, form-encoded (`+` for spaces) or escaped inside JSON. Secrets shorter
 * than 4 characters are left alone: replacing them would garble ordinary words, and
 * a credential that short protects nothing. The runtime uses this on every result
 * message, log line and error it shows; hosts can use it on what they log themselves.
 *
 * @example
 * ```ts
 * import { redactSecrets } from "@destkit/core";
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
