import assert from "node:assert/strict";
import {
  assertActionSnapshot,
  createTestEvent,
  createTestIntegration,
} from "@destkit/test";
import destination from "../index.ts";

const apiKey = "AP-key-1";

Deno.test("gainsight px sendEvent", async (t) => {
  const regions = [
    {
      dataCenter: "north_america",
      origin: "https://segment-esp.aptrinsic.com",
    },
    { dataCenter: "europe", origin: "https://segment-esp-eu.aptrinsic.com" },
    { dataCenter: "us2", origin: "https://segment-esp-us2.aptrinsic.com" },
  ] as const;
  for (const { dataCenter, origin } of regions) {
    await t.step(
      `${dataCenter}: posts the whole event with basic auth`,
      async () => {
        const integration = createTestIntegration(destination);
        const event = createTestEvent({
          event: "Order Completed",
          properties: { total: 9.5 },
        });
        integration.intercept(origin).post("/rte/segmentio/v1/push", event)
          .matchHeader("authorization", `Basic ${btoa(`${apiKey}:`)}`).reply(
            200,
            {},
          );

        const result = await integration.testAction("sendEvent", {
          event,
          settings: { apiKey, dataCenter },
          useDefaultMappings: true,
        });

        assert.equal(result.status, "delivered");
      },
    );
  }

  await t.step(
    "settings outside the data center choices are rejected",
    async () => {
      const integration = createTestIntegration(destination);
      const result = await integration.testAction("sendEvent", {
        // @ts-expect-error: "mars" is not one of the data centers
        settings: { apiKey, dataCenter: "mars" },
        useDefaultMappings: true,
      });

      assert.equal(result.status, "failed");
      assert.equal(result.error?.code, "INVALID_SETTINGS");
      assert.equal(result.requests.length, 0);
    },
  );

  for (
    const { status, retryable } of [{ status: 401, retryable: false }, {
      status: 429,
      retryable: true,
    }]
  ) {
    await t.step(
      `a ${status} from Gainsight PX fails with retryable ${retryable}`,
      async () => {
        const integration = createTestIntegration(destination);
        integration.intercept("https://segment-esp.aptrinsic.com").post(
          "/rte/segmentio/v1/push",
        ).reply(status);

        const result = await integration.testAction("sendEvent", {
          settings: { apiKey, dataCenter: "north_america" },
          useDefaultMappings: true,
        });

        assert.equal(result.status, "failed");
        assert.equal(result.error?.status, status);
        assert.equal(result.error?.retryable, retryable);
      },
    );
  }
});

Deno.test("gainsight px sendEvent: request snapshot", async (t) => {
  await assertActionSnapshot(t, destination, "sendEvent");
  await assertActionSnapshot(t, destination, "sendEvent", {
    requiredOnly: true,
  });
});
