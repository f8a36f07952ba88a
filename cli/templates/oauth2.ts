import { cloudDestinationTest } from "./_cloud_test.ts";
import { oauthIndex } from "./_oauth.ts";
import { destinationReadme } from "./_readme.ts";
import type { DestinationTemplate } from "./_template.ts";

/** OAuth 2 with your own app's client credentials, and `refreshAccessToken`. */
export const oauth2Template: DestinationTemplate = {
  id: "oauth2",
  title: "OAuth 2: access tokens refreshed by refreshAccessToken",
  mode: "cloud",
  files: (input) => ({
    "index.ts": oauthIndex(input, "oauth2"),
    "index_test.ts": cloudDestinationTest(input, {
      settings: `{ oauth: { access_token: "test-access-token" } }`,
      authorization: "Bearer test-access-token",
      refreshAccessToken: true,
    }),
    "README.md": destinationReadme(
      input,
      "A cloud-mode destination that authenticates with OAuth 2 access tokens, refreshed by `refreshAccessToken` after a 401.",
      "server",
    ),
  }),
};
