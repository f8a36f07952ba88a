import { cloudDestinationTest } from "./_cloud_test.ts";
import { destinationTemplate } from "./_destination_template.ts";
import {
  type DestinationInput,
  type DestinationTemplate,
  quote,
} from "./_template.ts";

function index(input: DestinationInput): string {
  return `import { defineDestination, defineFields, type InferFields } from "@destkit/core";

const settings = defineFields({
  username: {
    label: "Username",
    description: ${quote(`Your ${input.name} username.`)},
    type: "string",
    required: true,
  },
  password: {
    label: "Password",
    description: ${quote(`Your ${input.name} password.`)},
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
    scheme: "basic",
    fields: settings,
    // A request that succeeds only with valid credentials.
    testAuthentication: (request) => request("me"),
  },
  extendRequest: ({ settings }) => ({
    // The base URL of the API: action requests are relative to it.
    prefixUrl: "https://api.example.com/v1/",
    username: settings.username,
    password: settings.password,
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

/** HTTP basic authentication with a username and a password. */
export const basicTemplate: DestinationTemplate = destinationTemplate({
  id: "basic",
  title: "Basic auth: a username and a password",
  mode: "cloud",
  summary:
    "A cloud-mode destination that authenticates with a username and a password (HTTP basic auth).",
  index,
  test: (input) =>
    cloudDestinationTest(input, {
      settings: `{ username: "test-user", password: "test-password" }`,
      authorization: "Basic dGVzdC11c2VyOnRlc3QtcGFzc3dvcmQ=",
    }),
});
