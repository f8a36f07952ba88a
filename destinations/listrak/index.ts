import {
  defineDestination,
  type InferFields,
  type InputFields,
} from "@destkit/core";
import updateEmailContactProfileFields from "./update_email_contact_profile_fields/index.ts";

interface RefreshTokenResponse {
  access_token: string;
}

const settings = {
  client_id: {
    label: "API Client ID",
    description:
      "Your Listrak API client ID. Find this on the setup tab of your Segment integration under Integrations > Integrations Management in https://admin.listrak.com.",
    type: "string",
    required: true,
  },
  client_secret: {
    label: "API Client Secret",
    description:
      "Your Listrak API client secret. Find this on the setup tab of your Segment integration under Integrations > Integrations Management in https://admin.listrak.com.",
    type: "password",
    required: true,
  },
} as const satisfies InputFields;

/** The settings every action receives. */
export type Settings = InferFields<typeof settings>;

/** Segment's "Listrak (Actions)": OAuth 2 client credentials, contact profile fields by list. */
export default defineDestination({
  name: "Listrak (Actions)",
  slug: "actions-listrak",
  mode: "cloud",
  description:
    "Turn Listrak contact profile fields on and off from Segment events and audiences.",
  authentication: {
    scheme: "oauth2",
    fields: settings,
    refreshAccessToken: async (request, { settings, auth }) => {
      const response = await request<RefreshTokenResponse>(
        "https://auth.listrak.com/OAuth2/Token",
        {
          method: "POST",
          body: new URLSearchParams({
            client_id: settings.client_id ?? auth?.clientId,
            client_secret: settings.client_secret ?? auth?.clientSecret,
            grant_type: "client_credentials",
          }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
      );
      return { accessToken: response.data.access_token };
    },
  },
  extendRequest: ({ auth }) => ({
    headers: { authorization: `Bearer ${auth?.accessToken}` },
  }),
  actions: {
    updateEmailContactProfileFields,
  },
});
