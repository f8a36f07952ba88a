import { oauthTemplate } from "./_oauth.ts";

/** OAuth 2 whose authorization flow and client credentials the platform manages. */
export const oauthManagedTemplate = oauthTemplate(
  "oauth-managed",
  "OAuth managed: the platform runs the OAuth flow and holds the client credentials",
  "A cloud-mode destination with managed OAuth: the platform runs the authorization flow and holds the client credentials; `refreshAccessToken` gets new access tokens.",
);
