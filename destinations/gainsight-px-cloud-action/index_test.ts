import assert from "node:assert/strict";
import { createTestEvent, createTestIntegration } from "@destkit/test";
import destination from "./index.ts";

const northAmerica = "https://segment-esp.aptrinsic.com";
const basic = `Basic ${btoa("AP-key-1:")}`;

Deno.test("gainsight px testAuthentication", async (t) => {
  const cases = [
    {
      name: "a 400 to an empty body means the key is valid",
      status: 400,
      ok: true,
    },
    { name: "a 401 means the key is not", status: 401, ok: false },
    { name: "a 500 is not taken as valid", status: 500, ok: false },
  ];
  for (const { name, status, ok } of cases) {
    await t.step(name, async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(northAmerica).post("/rte/segmentio/v1/push", [])
        .matchHeader("authorization", basic)
        .matchHeader("content-type", "application/json")
        .reply(
          status,
          status === 400
            ? {}
            : { message: "Unable to authenticate key 'AP-key-1'" },
        );

      const result = await integration.testAuthentication({
        apiKey: "AP-key-1",
        dataCenter: "north_america",
      });

      assert.equal(result.ok, ok);
      if (!ok) {
        assert.equal(
          result.error?.message,
          "Credentials are invalid: Invalid API key",
        );
        assert.equal(result.error?.status, 401);
      }
    });
  }
});

Deno.test("gainsight px presets: one per event type, each with the default mapping", async (t) => {
  const integration = createTestIntegration(destination);
  const subscriptions = integration.destination.presetSubscriptions();

  await t.step("four presets, all on sendEvent, mapped by default", () => {
    assert.deepEqual(
      subscriptions.map((
        subscription,
      ) => [subscription.name, subscription.subscribe]),
      [
        ["Identify User", 'type = "identify"'],
        ["Group User", 'type = "group"'],
        ["Track Event", 'type = "track"'],
        ["Track Page View", 'type = "page"'],
      ],
    );
    for (const subscription of subscriptions) {
      assert.deepEqual(subscription.mapping, {
        segmentEvent: { "@path": "$." },
      });
    }
  });

  const settings = {
    apiKey: "AP-key-1",
    dataCenter: "north_america" as const,
    subscriptions,
  };
  for (const type of ["identify", "group", "track", "page"]) {
    await t.step(`a ${type} event is sent whole`, async () => {
      const event = createTestEvent({ type });
      integration.intercept(northAmerica).post("/rte/segmentio/v1/push", event)
        .matchHeader("authorization", basic)
        .reply(200, {});

      const { results } = await integration.onEvent(event, settings);

      const delivered = results.filter((result) =>
        result.status === "delivered"
      );
      const preset = subscriptions.find((subscription) =>
        subscription.subscribe === `type = "${type}"`
      );
      assert.deepEqual(delivered.map((result) => result.subscription), [
        preset?.name,
      ]);
      assert.deepEqual(
        results.filter((result) => result.status !== "unmatched"),
        delivered,
      );
    });
  }

  await t.step("a screen event matches no preset", async () => {
    const { results, requests } = await integration.onEvent(
      createTestEvent({ type: "screen" }),
      settings,
    );

    assert.deepEqual(results.map((result) => result.status), [
      "unmatched",
      "unmatched",
      "unmatched",
      "unmatched",
    ]);
    assert.equal(requests.length, 0);
  });
});
