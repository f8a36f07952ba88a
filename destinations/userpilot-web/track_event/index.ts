import { defineBrowserAction } from "@destkit/browser";
import type { Settings, Userpilot } from "../types.ts";

/** Sends an event to Userpilot. */
export default defineBrowserAction<Settings, Userpilot>()({
  title: "Track Event",
  description: "Send an event to Userpilot; identify the user first.",
  platform: "web",
  defaultSubscription: 'type = "track"',
  fields: {
    name: {
      label: "Name",
      description: "The event name.",
      type: "string",
      required: true,
      default: { "@path": "$.event" },
    },
    properties: {
      label: "Properties",
      description: "The event properties.",
      type: "object",
      default: { "@path": "$.properties" },
    },
  },
  perform: (userpilot, { payload }) => {
    userpilot.track(payload.name, payload.properties ?? {});
  },
});
