import { browserDestination, defineBrowserDestination } from "@destkit/browser";
import type { Userpilot } from "./types.ts";
import identifyUser from "./identify_user/index.ts";
import pageView from "./page_view/index.ts";
import trackEvent from "./track_event/index.ts";

/** The CDN address of Userpilot's browser SDK. */
export const USERPILOT_SDK_URL = "https://js.userpilot.io/sdk/latest.js";

/** Userpilot: in-app onboarding and product analytics, in the browser. */
export const destination = defineBrowserDestination({
  name: "Userpilot Web (Actions)",
  slug: "userpilot-web",
  // Three actions and their fields: a little over the 12 KiB default.
  budget: { gzip: 13 * 1024 },
  mode: "device",
  description:
    "Identify users, track events and page views with Userpilot's browser SDK.",
  settings: {
    token: {
      label: "App Token",
      description:
        "Your Userpilot app token, from Userpilot's installation page.",
      type: "string",
      required: true,
    },
    endpoint: {
      label: "API endpoint",
      description:
        "The API endpoint the SDK connects to, when a proxy or firewall is in the way.",
      type: "string",
    },
    shouldSegmentLoadSDK: {
      label: "Load Userpilot JS",
      description:
        "Whether to load the SDK; turn off when the page already loads it.",
      type: "boolean",
      default: true,
    },
  },
  presets: [
    {
      name: "Identify User",
      subscribe: 'type = "identify"',
      partnerAction: "identifyUser",
      type: "automatic",
    },
    {
      name: "Track Event",
      subscribe: 'type = "track"',
      partnerAction: "trackEvent",
      type: "automatic",
    },
    {
      name: "Page View",
      subscribe: 'type = "page"',
      partnerAction: "pageView",
      type: "automatic",
    },
  ],
  initialize: async ({ settings }, deps): Promise<Userpilot> => {
    if (settings.shouldSegmentLoadSDK ?? true) {
      globalThis.userpilotSettings = {
        token: settings.token,
        endpoint: settings.endpoint,
        shouldSegmentLoadSDK: true,
      };
      await deps.loadScript(USERPILOT_SDK_URL);
    }
    await deps.resolveWhen(() => globalThis.userpilot !== undefined, {
      timeout: 5000,
    });
    return globalThis.userpilot as Userpilot;
  },
  actions: { identifyUser, pageView, trackEvent },
});

export default browserDestination(destination);
