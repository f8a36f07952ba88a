import type { AudienceDestinationDefinition } from "@segment/actions-core";
import {
  defaultValues,
  InvalidAuthenticationError,
} from "@segment/actions-core";
import type { AudienceSettings, Settings } from "./generated-types";
import syncMember from "./syncMember";

const destination: AudienceDestinationDefinition<Settings, AudienceSettings> = {
  name: "Acme Audiences",
  slug: "actions-acme-audiences",
  mode: "cloud",
  description: "Syncs audiences to Acme",
  authentication: {
    scheme: "custom",
    fields: {
      apiKey: {
        label: "API key",
        description: "Your API key",
        type: "password",
        required: true,
      },
      region: {
        label: "Region",
        description: "The region",
        type: "string",
        choices: [{ label: "US", value: "us" }],
      },
    },
    testAuthentication: async (request) => {
      const response = await request("https://api.acme.test/me", {
        throwHttpErrors: false,
      });
      if (response.status === 401) {
        throw new InvalidAuthenticationError("Invalid API key");
      }
    },
  },
  audienceFields: {
    listName: {
      label: "List",
      description: "The list to sync",
      type: "string",
    },
  },
  audienceConfig: {
    mode: { type: "synced", full_audience_sync: false },
    async createAudience(request, { audienceName, settings }) {
      const response = await request<{ id: string }>(
        "https://api.acme.test/audiences",
        {
          method: "post",
          json: { name: audienceName, region: settings.region },
        },
      );
      return { externalId: response.data.id };
    },
    async getAudience(_request, { externalId }) {
      return { externalId };
    },
  },
  extendRequest({ settings }) {
    return { headers: { Authorization: `Bearer ${settings.apiKey}` } };
  },
  presets: [
    {
      name: "Sync members",
      subscribe: 'type = "track"',
      partnerAction: "syncMember",
      mapping: defaultValues(syncMember.fields),
      type: "automatic",
    },
  ],
  actions: { syncMember },
};

export default destination;
