import {
  defineDestination,
  type InferFields,
  type InputFields,
  IntegrationError,
} from "@destkit/core";
import { getEndpointByRegion } from "./regional_endpoints.ts";
import sendEvent from "./send_event/index.ts";

const settings = {
  apiKey: {
    label: "API Key",
    description:
      'Gainsight PX API key. You can find this key in the "Administration/Products" screen.',
    type: "password",
    required: true,
  },
  dataCenter: {
    label: "Data center",
    description: "The PX data center where your PX subscription is hosted.",
    type: "string",
    format: "text",
    required: true,
    choices: [
      { label: "North America", value: "north_america" },
      { label: "Europe", value: "europe" },
      { label: "US2", value: "us2" },
    ],
  },
} as const satisfies InputFields;

/** The settings every action receives. */
export type Settings = InferFields<typeof settings>;

/** Segment's "Gainsight Px Cloud (Actions)": the raw event, per data center, with presets for each event type. */
export default defineDestination({
  name: "Gainsight Px Cloud (Actions)",
  slug: "actions-gainsight-px-cloud",
  mode: "cloud",
  description: "Send identify, group, track and page events to Gainsight PX.",
  authentication: {
    scheme: "basic",
    fields: settings,
    testAuthentication: async (request, { settings }) => {
      const response = await request(
        getEndpointByRegion("track", settings.dataCenter),
        {
          method: "post",
          username: settings.apiKey,
          password: "",
          json: [],
          throwHttpErrors: false,
        },
      );
      // An empty body gets a 400 with a valid key, a 401 with a bad one.
      if (response.status === 400) return true;
      throw new IntegrationError("Invalid API key", "Invalid API Key", 401);
    },
  },
  extendRequest: ({ settings }) => ({
    username: settings.apiKey,
    password: "",
  }),
  actions: {
    // One action: the event is copied as is to Gainsight PX.
    sendEvent,
  },
  // Without a `mapping`, a preset gets its action's default mapping (Segment's version spells it out
  // with `defaultValues(sendEvent.fields)`).
  presets: [
    {
      name: "Identify User",
      subscribe: 'type = "identify"',
      partnerAction: "sendEvent",
      type: "automatic",
    },
    {
      name: "Group User",
      subscribe: 'type = "group"',
      partnerAction: "sendEvent",
      type: "automatic",
    },
    {
      name: "Track Event",
      subscribe: 'type = "track"',
      partnerAction: "sendEvent",
      type: "automatic",
    },
    {
      name: "Track Page View",
      subscribe: 'type = "page"',
      partnerAction: "sendEvent",
      type: "automatic",
    },
  ],
});
