import assert from "node:assert/strict";
import { assertActionSnapshot, createTestIntegration } from "@destkit/test";
import destination from "../index.ts";

const HOOK = "https://hooks.slack.com";
const PATH = "/services/T000/B000/XXXX";

const SUBSCRIPTION = {
  name: "Sign-ups to #growth",
  subscribe: 'type = "track" and event = "Signed Up"',
  partnerAction: "postToChannel",
  mapping: {
    webhookUrl: `${HOOK}${PATH}`,
    text: {
      "@template": "{{traits.name}} signed up on the {{properties.plan}} plan",
    },
    channel: "#growth",
    username: "Segment",
    icon_url: "https://logo.clearbit.com/segment.com",
  },
};

Deno.test("postToChannel posts the message to the webhook", async (t) => {
  const integration = createTestIntegration(destination);

  await t.step("testAction with an intercepted webhook", async () => {
    integration.intercept(HOOK)
      .post(PATH, {
        text: "Hello from destkit",
        username: "Segment",
        icon_url: "https://logo.clearbit.com/segment.com",
      })
      .matchHeader("content-type", "application/json")
      .reply(200, "ok");
    const result = await integration.testAction("postToChannel", {
      mapping: { webhookUrl: `${HOOK}${PATH}`, text: "Hello from destkit" },
      useDefaultMappings: true,
    });
    assert.equal(result.status, "delivered");
    assert.equal(result.output, "ok");
    assert.equal(result.requests.length, 1);
    assert.equal(result.requests[0].headers["user-agent"], "Segment (Actions)");
  });

  await t.step("onEvent with a real subscription", async () => {
    integration.intercept(HOOK)
      .post(PATH, {
        channel: "#growth",
        text: "Ada signed up on the pro plan",
        username: "Segment",
        icon_url: "https://logo.clearbit.com/segment.com",
      })
      .reply(200, "ok");
    const { results, requests } = await integration.onEvent(
      {
        type: "track",
        event: "Signed Up",
        traits: { name: "Ada" },
        properties: { plan: "pro" },
      },
      { subscriptions: [SUBSCRIPTION] },
    );
    assert.deepEqual(
      results.map((result) => [result.status, result.subscription]),
      [["delivered", SUBSCRIPTION.name]],
    );
    assert.equal(requests.length, 1);
  });

  await t.step(
    "an event the subscription does not match sends nothing",
    async () => {
      const { results, requests } = await integration.onEvent({
        type: "track",
        event: "Logged In",
      }, {
        subscriptions: [SUBSCRIPTION],
      });
      assert.equal(results[0].status, "unmatched");
      assert.equal(requests.length, 0);
    },
  );

  await t.step("a webhook URL that is not a URL is invalid", async () => {
    const result = await integration.testAction("postToChannel", {
      mapping: { webhookUrl: "not a url", text: "Hi" },
    });
    assert.equal(result.status, "invalid");
    assert.match(result.error!.message, /webhookUrl/);
  });

  await t.step(
    "Slack refusing the webhook fails the event without retry",
    async () => {
      integration.intercept(HOOK).post(PATH).reply(404, "no_team");
      const result = await integration.testAction("postToChannel", {
        mapping: { webhookUrl: `${HOOK}${PATH}`, text: "Hi" },
      });
      assert.equal(result.status, "failed");
      assert.deepEqual([result.error?.status, result.error?.retryable], [
        404,
        false,
      ]);
    },
  );
});

Deno.test("postToChannel: request snapshot", async (t) => {
  await assertActionSnapshot(t, destination, "postToChannel");
  await assertActionSnapshot(t, destination, "postToChannel", {
    requiredOnly: true,
  });
});
