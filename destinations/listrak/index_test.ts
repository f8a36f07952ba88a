import assert from "node:assert/strict";
import { createTestEvent, createTestIntegration } from "@destkit/test";
import destination from "./index.ts";

const settings = { client_id: "clientId1", client_secret: "clientSecret1" };
const tokenBody =
  "client_id=clientId1&client_secret=clientSecret1&grant_type=client_credentials";
const listUrl = "/email/v1/List/123/Contact/SegmentationField";
const event = createTestEvent({
  context: { traits: { email: "test.email@test.com" } },
});
const mapping = { listId: 123, profileFieldValues: { "456": "on" } };

Deno.test("listrak refreshAccessToken", async (t) => {
  await t.step("exchanges the client credentials for a token", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept("https://auth.listrak.com").post(
      "/OAuth2/Token",
      tokenBody,
    )
      .matchHeader("content-type", "application/x-www-form-urlencoded")
      .reply(200, {
        access_token: "fresh-token",
        token_type: "Bearer",
        expires_in: 3600,
      });

    const { tokens } = await integration.refreshAccessToken(settings, {
      accessToken: "old-token",
    });

    assert.deepEqual(tokens, { accessToken: "fresh-token" });
  });

  await t.step("a rejected refresh throws", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept("https://auth.listrak.com").post("/OAuth2/Token")
      .reply(400, { error: "invalid_client" });

    await assert.rejects(
      integration.refreshAccessToken(settings, { accessToken: "old-token" }),
    );
  });

  await t.step(
    "a 401 from the API refreshes the token and sends again",
    async () => {
      const integration = createTestIntegration(destination);
      integration.intercept("https://api.listrak.com").post(listUrl)
        .matchHeader("authorization", "Bearer old-token")
        .reply(401, { message: "Unauthorized" });
      integration.intercept("https://auth.listrak.com").post(
        "/OAuth2/Token",
        tokenBody,
      )
        .reply(200, { access_token: "fresh-token" });
      integration.intercept("https://api.listrak.com").post(listUrl)
        .matchHeader("authorization", "Bearer fresh-token")
        .reply(201, {});

      const result = await integration.testAction(
        "updateEmailContactProfileFields",
        {
          event,
          settings,
          auth: { accessToken: "old-token" },
          mapping,
          useDefaultMappings: true,
        },
      );

      assert.equal(result.status, "delivered");
      assert.deepEqual(
        result.requests.map((
          request,
        ) => [request.method, new URL(request.url).host, request.status]),
        [
          ["POST", "api.listrak.com", 401],
          ["POST", "auth.listrak.com", 200],
          ["POST", "api.listrak.com", 201],
        ],
      );
    },
  );

  await t.step("a 401 after a failed refresh fails the event", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept("https://api.listrak.com").post(listUrl).reply(401, {
      message: "Unauthorized",
    });
    integration.intercept("https://auth.listrak.com").post("/OAuth2/Token")
      .reply(401, { error: "invalid_client" });

    const result = await integration.testAction(
      "updateEmailContactProfileFields",
      {
        event,
        settings,
        auth: { accessToken: "old-token" },
        mapping,
        useDefaultMappings: true,
      },
    );

    assert.equal(result.status, "failed");
    assert.equal(result.error?.retryable, false);
  });
});
