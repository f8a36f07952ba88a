import { cloudDestinationTest } from "./_cloud_test.ts";
import { oauthIndex } from "./_oauth.ts";
import { destinationReadme } from "./_readme.ts";
import type { DestinationTemplate } from "./_template.ts";

/** OAuth 2 whose authorization flow and client credentials the platform manages. */
export const oauthManagedTemplate: DestinationTemplate = {
  id: "oauth-managed",
  title:
    "OAuth managed: the platform runs the OAuth flow and holds the client credentials",
  mode: "cloud",
  files: (input) => ({
    "index.ts": oauthIndex(input, "oauth-managed"),
    "index_test.ts": cloudDestinationTest(input, {
      settings: `{ oauth: { access_token: "test-access-token" } }`,
      authorization: "Bearer test-access-token",
      refreshAccessToken: true,
    }),
    "README.md": destinationReadme(
      input,
      "A cloud-mode destination with managed OAuth: the platform runs the authorization flow and holds the client credentials; `refreshAccessToken` gets new access tokens.",
      "server",
    ),
  }),
};
