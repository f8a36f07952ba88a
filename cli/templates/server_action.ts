import { toKebabCase } from "../_names.ts";
import { type ActionInput, type ActionTemplate, quote } from "./_template.ts";

function index(input: ActionInput): string {
  const header = input.settingsExported === false
    ? `import { defineAction } from "@destkit/core";

// ${input.destination.slug}'s index.ts exports no \`Settings\` type, so \`settings\` is not typed here:
// export \`type Settings = InferFields<typeof settings>\` there, then write \`defineAction<Settings>()({...})\`.
export default defineAction({`
    : `import { defineAction } from "@destkit/core";
import type { Settings } from "../index.ts";

export default defineAction<Settings>()({`;
  return `${header}
  title: ${quote(input.title)},
  description: ${quote(`${input.title} in ${input.destination.name}.`)},
  defaultSubscription: 'type = "track"',
  fields: {
    userId: {
      label: "User ID",
      description: "The ID of the user.",
      type: "string",
      default: { "@path": "$.userId" },
    },
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
    timestamp: {
      label: "Timestamp",
      description: "When the event happened.",
      type: "datetime",
      default: { "@path": "$.timestamp" },
    },
  },
  ${
    input.prefixUrl === false
      ? "// The request that sends one event: your API's URL, and the body."
      : "// The request that sends one event: its path under the API's base URL, and its body."
  }
  perform: (request, { payload }) =>
    request(${
    quote(
      input.prefixUrl === false
        ? `https://api.example.com/v1/${toKebabCase(input.name)}`
        : toKebabCase(input.name),
    )
  }, {
      method: "post",
      json: {
        user_id: payload.userId,
        event: payload.event,
        properties: payload.properties,
        timestamp: payload.timestamp,
      },
    }),
});
`;
}

/** A cloud-mode action that sends one HTTP request per event. */
export const serverActionTemplate: ActionTemplate = {
  id: "server",
  mode: "cloud",
  files: (input) => ({
    "index.ts": index(input),
    "index_test.ts": serverActionTest(input),
  }),
};

function serverActionTest(input: ActionInput): string {
  const name = quote(input.name);
  const imports = input.settingsExported === false
    ? `import type { SettingsOf } from "@destkit/core";
import destination from "../index.ts";

type Settings = SettingsOf<typeof destination>;`
    : `import destination, { type Settings } from "../index.ts";`;
  return `import assert from "node:assert/strict";
import { assertActionSnapshot, createTestIntegration, generateTestData } from "@destkit/test";
${imports}

Deno.test(${quote(`${input.name} request snapshot`)}, async (t) => {
  await assertActionSnapshot(t, destination, ${name});
  await assertActionSnapshot(t, destination, ${name}, { requiredOnly: true });
});

Deno.test(${
    quote(`${input.name} maps a track event by default`)
  }, async (t) => {
  const integration = createTestIntegration(destination);
  const settings = generateTestData(destination.authentication?.fields ?? {}).payload as Settings;
  const event = { event: "Order Completed", userId: "user-1", properties: { total: 42 } };

  await t.step("sends it", async () => {
    integration.intercept("https://api.example.com").post(${
    quote(`/v1/${toKebabCase(input.name)}`)
  }, {
      user_id: "user-1",
      event: "Order Completed",
      properties: { total: 42 },
      timestamp: "2024-01-01T00:00:00.000Z",
    }).reply(200, {});
    const result = await integration.testAction(${name}, { event, settings, useDefaultMappings: true });
    assert.equal(result.status, "delivered");
  });

  await t.step("rejects it without an event name", async () => {
    const result = await integration.testAction(${name}, {
      event: { ...event, event: undefined },
      settings,
      useDefaultMappings: true,
    });
    assert.equal(result.status, "invalid");
  });
});
`;
}
