import { browserDestination, defineBrowserDestination } from "@destkit/browser";
import type { Hubble } from "./types.ts";
import identify from "./identify/index.ts";
import track from "./track/index.ts";

/** The CDN address of Hubble's browser SDK. */
export const HUBBLE_SDK_URL = "https://cdn.hubble.team/sdk/hubble.js";

/** Hubble (hubble.team): in-product surveys and unmoderated tests, in the browser. */
export const destination = defineBrowserDestination({
  name: "Hubble (actions)",
  slug: "hubble-web",
  mode: "device",
  description: "Send track and identify calls to Hubble's browser SDK.",
  settings: {
    appID: {
      label: "App ID",
      description: "Your Hubble app ID.",
      type: "string",
      required: true,
    },
  },
  presets: [
    {
      name: "Identify user",
      subscribe: 'type = "identify"',
      partnerAction: "identify",
      type: "automatic",
    },
    {
      name: "Track event",
      subscribe: 'type = "track"',
      partnerAction: "track",
      type: "automatic",
    },
  ],
  initialize: async ({ settings }, deps): Promise<Hubble> => {
    if (globalThis.Hubble !== undefined) return globalThis.Hubble;
    const hubble: Hubble = {
      id: settings.appID,
      _queue: [],
      initialized: false,
    };
    // Calls made before the SDK runs wait in the queue it drains on start.
    hubble.track = (...args) =>
      hubble._queue.push(() => globalThis.Hubble?.track?.(...args));
    hubble.identify = (...args) =>
      hubble._queue.push(() => globalThis.Hubble?.identify?.(...args));
    globalThis.Hubble = hubble;
    await deps.loadScript(HUBBLE_SDK_URL);
    await deps.resolveWhen(() => globalThis.Hubble?.initialized, {
      timeout: 5000,
    });
    const sdk = globalThis.Hubble ?? hubble;
    sdk._emitter?.setSource("__segment__");
    return sdk;
  },
  actions: { identify, track },
});

export default browserDestination(destination);
