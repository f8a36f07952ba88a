import { settingsSecrets, withAuthSecrets } from "./run/_redact_results.ts";
import type { AuthTokens } from "./types.ts";

/**
 * Returns the values a runtime hides for `settings` of a destination whose authentication
 * fields are `fields`, by the rule `Destination.secretsOf` follows: the values of
 * the fields of `type: "password"` (numbers too), the tokens and client secret of
 * `settings.oauth` and of `auth`. For runtimes that hold a definition but no `Destination`
 * (the tester's runner for Segment's packages); pass the result to `redactRecordedRequest`.
 *
 * @example
 * ```ts
 * import { findSecrets } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const secrets = findSecrets(
 *   { apiKey: { type: "password" }, region: { type: "string" } },
 *   { apiKey: "sk_0123", region: "eu", oauth: { access_token: "at_456" } },
 *   { accessToken: "at_789" },
 * );
 * assert.deepEqual(secrets, ["sk_0123", "at_456", "at_789"]);
 * ```
 */
export function findSecrets(
  fields: Readonly<Record<string, { type?: unknown } | undefined>>,
  settings: unknown,
  auth?: AuthTokens,
): string[] {
  const passwords = Object.keys(fields).filter((key) =>
    fields[key]?.type === "password"
  );
  const found = typeof settings === "object" && settings !== null
    ? settingsSecrets(passwords, settings as Record<string, unknown>)
    : [];
  return [...withAuthSecrets(found, auth)];
}
