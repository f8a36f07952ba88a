import { type DestinationInput, quote } from "./_template.ts";

/** What the destination test of a cloud template exercises. */
export interface CloudTestOptions {
  /** A TypeScript expression of valid settings. */
  settings: string;
  /** The `authorization` header those settings produce. */
  authorization: string;
  /** Whether the template has `refreshAccessToken` (then `auth` is defined in the test). */
  refreshAccessToken?: boolean;
}

/** Returns `index_test.ts` of a cloud-mode destination with `testAuthentication` and `onDelete`. */
export function cloudDestinationTest(
  input: DestinationInput,
  options: CloudTestOptions,
): string {
  const refresh = options.refreshAccessToken
    ? `
Deno.test(${quote(`${input.name} refreshAccessToken`)}, async () => {
  const integration = createTestIntegration(destination);
  integration.intercept(API).post("/oauth/token").reply(200, { access_token: "new-access-token" });
  const auth = { accessToken: "expired", refreshToken: "test-refresh-token", clientId: "id", clientSecret: "secret" };
  const { tokens } = await integration.refreshAccessToken(settings, auth);
  assert.equal(tokens.accessToken, "new-access-token");
});
`
    : "";
  return `import assert from "node:assert/strict";
import { createTestIntegration } from "@destkit/test";
import destination from "./index.ts";

const API = "https://api.example.com";
const settings = ${options.settings};

Deno.test(${quote(`${input.name} testAuthentication`)}, async (t) => {
  const integration = createTestIntegration(destination);

  await t.step("accepts valid credentials", async () => {
    integration.intercept(API)
      .get("/v1/me")
      .matchHeader("authorization", ${quote(options.authorization)})
      .reply(200, { id: "account-1" });
    const result = await integration.testAuthentication(settings);
    assert.equal(result.ok, true);
  });

  await t.step("rejects invalid credentials", async () => {
    integration.intercept(API).get("/v1/me").reply(401, { error: "invalid credentials" });
    const result = await integration.testAuthentication(settings);
    assert.equal(result.ok, false);
  });
});
${refresh}
Deno.test(${quote(`${input.name} onDelete`)}, async () => {
  const integration = createTestIntegration(destination);
  integration.intercept(API).post("/v1/users/delete", { user_id: "user-1" }).reply(200, {});
  const result = await integration.onDelete({ userId: "user-1" }, settings);
  assert.equal(result.status, "delivered");
});
`;
}
