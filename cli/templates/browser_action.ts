import { type ActionInput, type ActionTemplate, quote } from "./_template.ts";

function index(input: ActionInput): string {
  return `import { defineBrowserAction } from "@destkit/browser";
import type { Client, Settings } from "../index.ts";

export default defineBrowserAction<Settings, Client>()({
  title: ${quote(input.title)},
  description: ${quote(`${input.title} in ${input.destination.name}.`)},
  platform: "web",
  defaultSubscription: 'type = "track"',
  fields: {
    event: {
      label: "Event name",
      description: "The name of the event.",
      type: "string",
      required: true,
      default: { "@path": "$.event" },
    },
    properties: {
      label: "Properties",
      description: "The properties of the event.",
      type: "object",
      default: { "@path": "$.properties" },
    },
  },
  // The SDK call that sends one event.
  perform: (client, { payload }) => client.track(payload.event, payload.properties),
});
`;
}

function test(input: ActionInput): string {
  return `import { browserDestination } from "@destkit/browser";
import { assertSnapshot } from "@destkit/test";
import { type Client, destination } from "../index.ts";

Deno.test(${
    quote(`${input.name} calls the SDK with the mapped event`)
  }, async (t) => {
  const calls: unknown[][] = [];
  const client: Client = { track: (...args) => calls.push(args) };
  const plugins = await browserDestination({ ...destination, initialize: () => client })({
    appId: "test-app",
    subscriptions: [{ partnerAction: ${
    quote(input.name)
  }, subscribe: 'type = "track"', enabled: true }],
  });
  const analytics = { user: () => ({ id: () => null, anonymousId: () => null, traits: () => ({}) }) };
  const context = {
    event: { type: "track", event: "Order Completed", properties: { order_id: "o-1", total: 42 } },
    log: () => {},
  };
  for (const plugin of plugins) {
    await plugin.load(context, analytics);
    await plugin.track(context);
  }
  await assertSnapshot(t, calls);
});
`;
}

/** A device-mode action that calls the partner SDK. */
export const browserActionTemplate: ActionTemplate = {
  id: "browser",
  mode: "device",
  files: (input) => ({
    "index.ts": index(input),
    "index_test.ts": test(input),
  }),
};
