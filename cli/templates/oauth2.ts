import { oauthTemplate } from "./_oauth.ts";

/** OAuth 2 with your own app's client credentials, and `refreshAccessToken`. */
export const oauth2Template = oauthTemplate(
  "oauth2",
  "OAuth 2: access tokens refreshed by refreshAccessToken",
  "A cloud-mode destination that authenticates with OAuth 2 access tokens, refreshed by `refreshAccessToken` after a 401.",
);
