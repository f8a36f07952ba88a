import assert from "node:assert/strict";
import {
  assertActionSnapshot,
  createTestEvent,
  createTestIntegration,
} from "@destkit/test";
import destination from "../index.ts";

const settings = { client_id: "clientId1", client_secret: "clientSecret1" };
const auth = { accessToken: "access-token" };
const api = "https://api.listrak.com";

function audienceEvent(email: string, entered: boolean) {
  return createTestEvent({
    context: {
      traits: { email },
      personas: { computation_key: "listrak_audience" },
    },
    properties: { audience_key: "listrak_audience", listrak_audience: entered },
  });
}

const values = [
  { value: "on", entered: "on", left: "on" },
  { value: "off", entered: "off", left: "off" },
  { value: "useAudienceKey", entered: "on", left: "off" },
  { value: "random", entered: "random", left: "random" },
];

Deno.test("listrak updateEmailContactProfileFields: one event", async (t) => {
  for (const { value, entered } of values) {
    await t.step(`profile field value "${value}"`, async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(api).post(
        "/email/v1/List/123/Contact/SegmentationField",
        [
          {
            emailAddress: "test.email@test.com",
            segmentationFieldValues: [{
              segmentationFieldId: 456,
              value: entered,
            }],
          },
        ],
      ).matchHeader("authorization", "Bearer access-token").reply(201, {});

      const result = await integration.testAction(
        "updateEmailContactProfileFields",
        {
          event: audienceEvent("test.email@test.com", true),
          settings,
          auth,
          mapping: { listId: 123, profileFieldValues: { "456": value } },
          useDefaultMappings: true,
        },
      );

      assert.equal(result.status, "delivered");
    });
  }

  await t.step("keys that are not field IDs are left out", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(api).post(
      "/email/v1/List/123/Contact/SegmentationField",
      [
        {
          emailAddress: "test.email@test.com",
          segmentationFieldValues: [{ segmentationFieldId: 456, value: "on" }],
        },
      ],
    ).reply(201, {});

    const result = await integration.testAction(
      "updateEmailContactProfileFields",
      {
        event: audienceEvent("test.email@test.com", true),
        settings,
        auth,
        mapping: {
          listId: 123,
          profileFieldValues: { "456": "on", name: "off", "0": "on" },
        },
        useDefaultMappings: true,
      },
    );

    assert.equal(result.status, "delivered");
  });

  const invalid = [
    {
      name: "missing list ID",
      mapping: { profileFieldValues: { "456": "on" } },
      path: "listId",
    },
    {
      name: "list ID that is not an integer",
      mapping: { listId: 1.5, profileFieldValues: { "456": "on" } },
      path: "listId",
    },
    {
      name: "missing profile field values",
      mapping: { listId: 123 },
      path: "profileFieldValues",
    },
    {
      name: "email that is not an email",
      mapping: {
        listId: 123,
        emailAddress: "nope",
        profileFieldValues: { "456": "on" },
      },
      path: "emailAddress",
    },
  ];
  for (const { name, mapping, path } of invalid) {
    await t.step(name, async () => {
      const integration = createTestIntegration(destination);
      const result = await integration.testAction(
        "updateEmailContactProfileFields",
        {
          event: audienceEvent("test.email@test.com", true),
          settings,
          auth,
          mapping,
          useDefaultMappings: true,
        },
      );

      assert.equal(result.status, "invalid");
      assert.deepEqual(result.error?.issues?.map((issue) => issue.path), [
        path,
      ]);
    });
  }

  for (
    const { status, retryable } of [{ status: 400, retryable: false }, {
      status: 429,
      retryable: true,
    }, { status: 500, retryable: true }]
  ) {
    await t.step(
      `a ${status} from Listrak fails with retryable ${retryable}`,
      async () => {
        const integration = createTestIntegration(destination);
        integration.intercept(api).post(
          "/email/v1/List/123/Contact/SegmentationField",
        ).reply(status, { message: "no" });

        const result = await integration.testAction(
          "updateEmailContactProfileFields",
          {
            event: audienceEvent("test.email@test.com", true),
            settings,
            auth,
            mapping: { listId: 123, profileFieldValues: { "456": "on" } },
            useDefaultMappings: true,
          },
        );

        assert.equal(result.status, "failed");
        assert.equal(result.error?.status, status);
        assert.equal(result.error?.retryable, retryable);
      },
    );
  }
});

Deno.test("listrak updateEmailContactProfileFields: batches", async (t) => {
  for (const { value, entered, left } of values) {
    await t.step(
      `profile field value "${value}": one request for the list`,
      async () => {
        const integration = createTestIntegration(destination);
        integration.intercept(api).post(
          "/email/v1/List/123/Contact/SegmentationField",
          [
            {
              emailAddress: "test.email1@test.com",
              segmentationFieldValues: [{
                segmentationFieldId: 456,
                value: entered,
              }],
            },
            {
              emailAddress: "test.email2@test.com",
              segmentationFieldValues: [{
                segmentationFieldId: 456,
                value: left,
              }],
            },
          ],
        ).reply(201, {});

        const { results, requests } = await integration.testBatchAction(
          "updateEmailContactProfileFields",
          {
            events: [
              audienceEvent("test.email1@test.com", true),
              audienceEvent("test.email2@test.com", false),
            ],
            settings,
            auth,
            mapping: { listId: 123, profileFieldValues: { "456": value } },
            useDefaultMappings: true,
          },
        );

        assert.deepEqual(results.map((result) => result.status), [
          "delivered",
          "delivered",
        ]);
        assert.equal(requests.length, 1);
      },
    );
  }

  await t.step("one request per list", async () => {
    const integration = createTestIntegration(destination);
    const contact = (email: string) => ({
      emailAddress: email,
      segmentationFieldValues: [{ segmentationFieldId: 456, value: "on" }],
    });
    integration.intercept(api)
      .post("/email/v1/List/1/Contact/SegmentationField", [
        contact("a@test.com"),
        contact("c@test.com"),
      ]).reply(201, {})
      .post("/email/v1/List/2/Contact/SegmentationField", [
        contact("b@test.com"),
      ]).reply(201, {});

    const { results } = await integration.testBatchAction(
      "updateEmailContactProfileFields",
      {
        events: [
          createTestEvent({
            traits: { email: "a@test.com" },
            properties: { list: 1 },
          }),
          createTestEvent({
            traits: { email: "b@test.com" },
            properties: { list: 2 },
          }),
          createTestEvent({
            traits: { email: "c@test.com" },
            properties: { list: 1 },
          }),
        ],
        settings,
        auth,
        mapping: {
          listId: { "@path": "$.properties.list" },
          profileFieldValues: { "456": "on" },
        },
        useDefaultMappings: true,
      },
    );

    assert.deepEqual(results.map((result) => result.status), [
      "delivered",
      "delivered",
      "delivered",
    ]);
  });

  await t.step(
    "an invalid event is reported; the others are sent",
    async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(api).post(
        "/email/v1/List/123/Contact/SegmentationField",
        [
          {
            emailAddress: "ok@test.com",
            segmentationFieldValues: [{
              segmentationFieldId: 456,
              value: "on",
            }],
          },
        ],
      ).reply(201, {});

      const { results } = await integration.testBatchAction(
        "updateEmailContactProfileFields",
        {
          events: [
            createTestEvent({ traits: { email: "not an email" } }),
            createTestEvent({ traits: { email: "ok@test.com" } }),
          ],
          settings,
          auth,
          mapping: { listId: 123, profileFieldValues: { "456": "on" } },
          useDefaultMappings: true,
        },
      );

      assert.deepEqual(results.map((result) => result.status), [
        "invalid",
        "delivered",
      ]);
      assert.deepEqual(results[0].error?.issues?.map((issue) => issue.path), [
        "emailAddress",
      ]);
    },
  );
});

Deno.test("listrak updateEmailContactProfileFields: request snapshot", async (t) => {
  await assertActionSnapshot(t, destination, "updateEmailContactProfileFields");
  await assertActionSnapshot(
    t,
    destination,
    "updateEmailContactProfileFields",
    { requiredOnly: true },
  );
});
