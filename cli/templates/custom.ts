import { destinationTemplate } from "./_destination_template.ts";
import {
  type DestinationInput,
  type DestinationTemplate,
  quote,
} from "./_template.ts";
import { cloudDestinationTest } from "./_cloud_test.ts";

function index(input: DestinationInput): string {
  return `import { defineDestination, defineFields, type InferFields } from "@destkit/core";

const settings = defineFields({
  apiKey: {
    label: "API key",
    description: ${quote(`Your ${input.name} API key.`)},
    type: "password",
    required: true,
  },
});

/** The settings every action receives. */
export type Settings = InferFields<typeof settings>;

export default defineDestination({
  name: ${quote(input.name)},
  slug: ${quote(input.slug)},
  mode: "cloud",
  description: ${quote(`Send events to ${input.name}.`)},
  authentication: {
    scheme: "custom",
    fields: settings,
    // A request that succeeds only with valid credentials.
    testAuthentication: (request) => request("me"),
  },
  extendRequest: ({ settings }) => ({
    // The base URL of the API: action requests are relative to it.
    prefixUrl: "https://api.example.com/v1/",
    headers: { authorization: \`Bearer \${settings.apiKey}\` },
  }),
  // Deletes a user's data (GDPR); remove it if the API cannot delete users.
  onDelete: (request, { payload }) =>
    request("users/delete", {
      method: "post",
      json: { user_id: payload.userId ?? payload.anonymousId },
    }),
  actions: {},
});
`;
}

/** API-key authentication in a custom setting, sent as a bearer token. */
export const customTemplate: DestinationTemplate = destinationTemplate({
  id: "custom",
  title: "Custom auth: an API key in the settings",
  mode: "cloud",
  summary:
    `A cloud-mode destination that authenticates with an API key (custom auth).`,
  index,
  test: (input) =>
    cloudDestinationTest(input, {
      settings: `{ apiKey: "test-api-key" }`,
      authorization: "Bearer test-api-key",
    }),
});
