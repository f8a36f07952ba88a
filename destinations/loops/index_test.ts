import assert from "node:assert/strict";
import { createTestIntegration } from "@destkit/test";
import destination from "./index.ts";

const api = "https://app.loops.so";
const settings = { apiKey: "LOOPS_API_KEY" };

Deno.test("loops testAuthentication", async (t) => {
  const cases = [
    { name: "accepts a valid key", status: 200, ok: true },
    { name: "rejects an invalid key", status: 401, ok: false },
  ];
  for (const { name, status, ok } of cases) {
    await t.step(name, async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(api).get("/api/v1/api-key").matchHeader(
        "authorization",
        "Bearer LOOPS_API_KEY",
      )
        .reply(
          status,
          ok
            ? { success: true, teamName: "Team" }
            : { error: "Invalid API key" },
        );

      const result = await integration.testAuthentication(settings);

      assert.equal(result.ok, ok);
      if (!ok) assert.equal(result.error?.status, 401);
    });
  }
});

Deno.test("loops onDelete", async (t) => {
  await t.step("deletes the contact by user ID", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(api).post("/api/v1/contacts/delete", {
      userId: ["user1234"],
    })
      .matchHeader("authorization", "Bearer LOOPS_API_KEY")
      .reply(200, { success: true, message: "Contact deleted." });

    const result = await integration.onDelete({ userId: "user1234" }, settings);

    assert.equal(result.status, "delivered");
  });

  await t.step("a 500 fails retryably", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(api).post("/api/v1/contacts/delete").reply(500);

    const result = await integration.onDelete({ userId: "user1234" }, settings);

    assert.equal(result.status, "failed");
    assert.equal(result.error?.retryable, true);
  });
});

Deno.test("loops presets: none, and each action has a default subscription", () => {
  assert.equal(destination.presets, undefined);
  assert.equal(
    destination.actions.createOrUpdateContact.defaultSubscription,
    'type = "identify"',
  );
  assert.equal(
    destination.actions.sendEvent.defaultSubscription,
    'type = "track"',
  );
});
