import assert from "node:assert/strict";
import {
  assertActionSnapshot,
  createTestEvent,
  createTestIntegration,
} from "@destkit/test";
import destination from "../index.ts";

const api = "https://app.loops.so";
const settings = { apiKey: "LOOPS_API_KEY" };

Deno.test("loops sendEvent", async (t) => {
  await t.step("default mapping: event name, user, properties", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(api).post("/api/v1/events/send", {
      email: "test@example.com",
      eventName: "signup",
      userId: "some-id-1",
      eventProperties: { email: "test@example.com", plan: "pro" },
    }).matchHeader("authorization", "Bearer LOOPS_API_KEY").reply(200, {
      success: true,
    });

    const result = await integration.testAction("sendEvent", {
      event: createTestEvent({
        event: "signup",
        userId: "some-id-1",
        properties: { email: "test@example.com", plan: "pro" },
      }),
      settings,
      useDefaultMappings: true,
    });

    assert.equal(result.status, "delivered");
  });

  await t.step("contact properties are spread into the body", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(api).post("/api/v1/events/send", {
      eventName: "signup",
      userId: "some-id-1",
      eventProperties: {},
      firstName: "Ellen",
    }).reply(200, { success: true });

    const result = await integration.testAction("sendEvent", {
      event: createTestEvent({ event: "signup", userId: "some-id-1" }),
      settings,
      mapping: { contactProperties: { firstName: "Ellen" } },
      useDefaultMappings: true,
    });

    assert.equal(result.status, "delivered");
  });

  const required = [
    { name: "eventName", event: { event: undefined } },
    { name: "userId", event: { userId: undefined } },
  ];
  for (const { name, event } of required) {
    await t.step(`${name} is required`, async () => {
      const integration = createTestIntegration(destination);
      const result = await integration.testAction("sendEvent", {
        event: createTestEvent(event),
        settings,
        useDefaultMappings: true,
      });

      assert.equal(result.status, "invalid");
      assert.deepEqual(result.error?.issues?.map((issue) => issue.path), [
        name,
      ]);
    });
  }

  await t.step("a 401 from Loops fails without retry", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(api).post("/api/v1/events/send").reply(401, {
      success: false,
      message: "Invalid API key",
    });

    const result = await integration.testAction("sendEvent", {
      settings,
      useDefaultMappings: true,
    });

    assert.equal(result.status, "failed");
    assert.equal(result.error?.status, 401);
    assert.equal(result.error?.retryable, false);
  });
});

Deno.test("loops sendEvent: request snapshot", async (t) => {
  await assertActionSnapshot(t, destination, "sendEvent");
  await assertActionSnapshot(t, destination, "sendEvent", {
    requiredOnly: true,
  });
});
