// Type tests: the guide's Test destination (basic auth) and postToChannel action, minus generated-types.
import assert from "node:assert/strict";
import { defineAction, defineDestination } from "@destkit/core";
import type { SettingsOf } from "@destkit/core";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends
  (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

const destination = defineDestination({
  name: "Test",
  slug: "actions-test",
  mode: "cloud",

  authentication: {
    scheme: "basic",
    fields: {
      username: {
        label: "Username",
        description: "Your Test username",
        type: "string",
        required: true,
      },
      password: {
        label: "password",
        description: "Your Test password.",
        type: "string",
        required: true,
      },
    },
    testAuthentication: (_request, { settings }) => {
      expectType<
        Equal<typeof settings, { username: string; password: string }>
      >();
      return true;
    },
  },

  extendRequest({ settings }) {
    return {
      username: settings.username,
      password: settings.password,
    };
  },

  onDelete: (_request, { settings, payload }) => {
    expectType<Equal<typeof settings.username, string>>();
    return payload.userId !== undefined;
  },

  actions: {
    postToChannel: {
      title: "Post to Channel",
      description: "Post a message to a Slack channel",
      defaultSubscription: 'type = "track"',
      fields: {
        webhookUrl: {
          label: "Webhook URL",
          description: "Slack webhook URL.",
          type: "string",
          format: "uri",
          required: true,
        },
        text: {
          label: "Message",
          description:
            "The text message to post to Slack. You can use [Slack's formatting syntax.](https://api.slack.com/reference/surfaces/formatting)",
          type: "string",
          required: true,
        },
      },
      perform: (request, { settings, payload }) => {
        expectType<
          Equal<typeof payload, { webhookUrl: string; text: string }>
        >();
        expectType<
          Equal<typeof settings, { username: string; password: string }>
        >();
        return request(payload.webhookUrl, {
          method: "post",
          responseType: "text",
          json: {
            text: payload.text,
          },
        });
      },
    },
  },
});

const misspelt = defineDestination({
  name: "Misspelt",
  mode: "cloud",
  authentication: {
    scheme: "custom",
    fields: { apiKey: { label: "API key", type: "password", required: true } },
  },
  extendRequest: ({ settings }) => ({
    // @ts-expect-error: there is no setting "apiKy"
    headers: { authorization: settings.apiKy },
  }),
  actions: {
    postToChannel: {
      title: "Post to Channel",
      fields: { text: { label: "Message", type: "string", required: true } },
      perform: (request, { payload }) =>
        request("https://hooks.test", {
          method: "post",
          // @ts-expect-error: there is no payload field "txt"
          json: { text: payload.txt },
        }),
    },
  },
});

// An action in a file of its own, typed for the destination's settings.
type Settings = SettingsOf<typeof destination>;
expectType<Equal<Settings, { username: string; password: string }>>();
const track = defineAction<Settings>()({
  title: "Track",
  fields: {
    name: {
      label: "Name",
      type: "string",
      required: true,
      default: { "@path": "$.event" },
    },
    count: { label: "Count", type: "integer", default: 1 },
  },
  perform: (request, { settings, payload }) => {
    expectType<Equal<typeof payload, { name: string; count?: number }>>();
    // @ts-expect-error: there is no payload field "nam"
    payload.nam;
    return request("https://api.test/track", {
      method: "post",
      username: settings.username,
      json: payload,
    });
  },
});

Deno.test("defineDestination and defineAction return their input as-is", () => {
  assert.equal(destination.actions.postToChannel.title, "Post to Channel");
  assert.equal(misspelt.name, "Misspelt");
  assert.equal(track.title, "Track");
});

// A default must fit its field (a mapping directive always does).
defineAction<Settings>()({
  title: "Defaults",
  fields: {
    // @ts-expect-error: "many" is not a number
    count: { label: "Count", type: "number", default: "many" },
    plan: {
      label: "Plan",
      type: "string",
      choices: ["free", "pro"],
      default: "pro",
    },
    user: {
      label: "User",
      type: "object",
      properties: { email: { label: "Email", type: "string" } },
      default: { email: { "@path": "$.traits.email" } },
    },
  },
  perform: () => undefined,
});
defineDestination({
  name: "Defaults",
  mode: "cloud",
  actions: {
    track: {
      title: "Track",
      fields: {
        plan: {
          label: "Plan",
          type: "string",
          choices: ["free", "pro"],
          // @ts-expect-error: "gold" is not a choice
          default: "gold",
        },
      },
      perform: () => undefined,
    },
  },
});
