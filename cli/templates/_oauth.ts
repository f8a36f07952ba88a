import { cloudDestinationTest } from "./_cloud_test.ts";
import { destinationTemplate } from "./_destination_template.ts";
import {
  type DestinationInput,
  type DestinationTemplate,
  quote,
} from "./_template.ts";

/**
 * An OAuth destination scaffold: `scheme` is its `--template` and its authentication
 * scheme; its test sends an access token and refreshes it.
 */
export function oauthTemplate(
  scheme: "oauth2" | "oauth-managed",
  title: string,
  summary: string,
): DestinationTemplate {
  return destinationTemplate({
    id: scheme,
    title,
    mode: "cloud",
    summary,
    index: (input) => oauthIndex(input, scheme),
    test: (input) =>
      cloudDestinationTest(input, {
        settings: `{ oauth: { access_token: "test-access-token" } }`,
        authorization: "Bearer test-access-token",
        refreshAccessToken: true,
      }),
  });
}

/** Returns `index.ts` of an OAuth destination: `scheme` is `oauth2` or `oauth-managed`. */
function oauthIndex(
  input: DestinationInput,
  scheme: "oauth2" | "oauth-managed",
): string {
  return `import { defineDestination } from "@destkit/core";

/** The settings every action receives: none, the OAuth tokens come as \`auth\`. */
export type Settings = Record<never, never>;

/** What the token endpoint answers. */
interface TokenResponse {
  access_token: string;
  refresh_token?: string;
}

export default defineDestination({
  name: ${quote(input.name)},
  slug: ${quote(input.slug)},
  mode: "cloud",
  description: ${quote(`Send events to ${input.name}.`)},
  authentication: {
    scheme: ${quote(scheme)},
    fields: {},
    // A request that succeeds only with a valid access token.
    testAuthentication: (request) => request("me"),
    // Your token endpoint: the runtime calls this after a 401, then retries once.
    refreshAccessToken: async (request, { auth }) => {
      const response = await request<TokenResponse>("https://api.example.com/oauth/token", {
        method: "post",
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: auth?.refreshToken ?? "",
          client_id: auth?.clientId ?? "",
          client_secret: auth?.clientSecret ?? "",
        }),
      });
      return { accessToken: response.data.access_token, refreshToken: response.data.refresh_token };
    },
  },
  extendRequest: ({ auth }) => ({
    // The base URL of the API: action requests are relative to it.
    prefixUrl: "https://api.example.com/v1/",
    headers: { authorization: \`Bearer \${auth?.accessToken}\` },
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
