import assert from "node:assert/strict";
import {
  assertActionSnapshot,
  createTestEvent,
  createTestIntegration,
} from "@destkit/test";
import destination from "../index.ts";

const api = "https://app.loops.so";
const settings = { apiKey: "LOOPS_API_KEY" };
const event = createTestEvent({
  type: "identify",
  userId: "some-id-1",
  traits: {
    createdAt: "2025-05-05T14:17:38.089Z",
    email: "test@example.com",
    firstName: "Ellen",
    userGroup: "Alum",
    favoriteColor: "blue",
  },
});

Deno.test("loops createOrUpdateContact", async (t) => {
  await t.step(
    "default mapping: traits become attributes, source defaults to Segment",
    async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(api).put("/api/v1/contacts/update", {
        createdAt: "2025-05-05T14:17:38.089Z",
        favoriteColor: "blue",
        email: "test@example.com",
        firstName: "Ellen",
        userGroup: "Alum",
        source: "Segment",
        userId: "some-id-1",
        mailingLists: {},
      }).matchHeader("authorization", "Bearer LOOPS_API_KEY").reply(200, {
        success: true,
        id: "someId",
      });

      const result = await integration.testAction("createOrUpdateContact", {
        event,
        settings,
        useDefaultMappings: true,
      });

      assert.equal(result.status, "delivered");
      assert.deepEqual(result.output, { success: true, id: "someId" });
    },
  );

  await t.step(
    "mailing lists: the field wins, booleans and boolean strings only",
    async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(api).put(
        "/api/v1/contacts/update",
        (body: unknown) => {
          const sent = body as Record<string, unknown>;
          return JSON.stringify(sent.mailingLists) ===
              '{"list1":true,"list2":false}' && sent.favoriteColor === "blue";
        },
      ).reply(200, { success: true });

      const result = await integration.testAction("createOrUpdateContact", {
        event: {
          ...event,
          traits: { ...event.traits, mailingLists: { fromTraits: true } },
        },
        settings,
        mapping: {
          mailingLists: {
            list1: true,
            list2: "false",
            list3: "maybe",
            list4: 1,
          },
        },
        useDefaultMappings: true,
      });

      assert.equal(result.status, "delivered");
    },
  );

  await t.step(
    "mailing lists from traits when the field is empty; they leave the attributes",
    async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(api).put(
        "/api/v1/contacts/update",
        (body: unknown) => {
          const sent = body as Record<string, unknown>;
          return JSON.stringify(sent.mailingLists) === '{"fromTraits":true}';
        },
      ).reply(200, { success: true });

      const traits = { ...event.traits, mailingLists: { fromTraits: "true" } };
      const result = await integration.testAction("createOrUpdateContact", {
        event: { ...event, traits },
        settings,
        useDefaultMappings: true,
      });

      assert.equal(result.status, "delivered");
      assert.deepEqual(
        traits.mailingLists,
        { fromTraits: "true" },
        "the event is not mutated",
      );
    },
  );

  await t.step("userId is required", async () => {
    const integration = createTestIntegration(destination);
    const result = await integration.testAction("createOrUpdateContact", {
      event: { ...event, userId: undefined },
      settings,
      useDefaultMappings: true,
    });

    assert.equal(result.status, "invalid");
    assert.deepEqual(result.error?.issues?.map((issue) => issue.path), [
      "userId",
    ]);
  });

  for (
    const { status, retryable } of [{ status: 400, retryable: false }, {
      status: 429,
      retryable: true,
    }]
  ) {
    await t.step(
      `a ${status} from Loops fails with retryable ${retryable}`,
      async () => {
        const integration = createTestIntegration(destination);
        integration.intercept(api).put("/api/v1/contacts/update").reply(
          status,
          { success: false },
        );

        const result = await integration.testAction("createOrUpdateContact", {
          event,
          settings,
          useDefaultMappings: true,
        });

        assert.equal(result.status, "failed");
        assert.equal(result.error?.status, status);
        assert.equal(result.error?.retryable, retryable);
      },
    );
  }
});

Deno.test("loops createOrUpdateContact: request snapshot", async (t) => {
  await assertActionSnapshot(t, destination, "createOrUpdateContact");
  await assertActionSnapshot(t, destination, "createOrUpdateContact", {
    requiredOnly: true,
  });
});
