import { defineBrowserAction } from "@destkit/browser";
import type { Hubble, Settings } from "../types.ts";

/** Sends a track event to Hubble. */
export default defineBrowserAction<Settings, Hubble>()({
  title: "Track",
  description: "Track an event, with its properties as attributes.",
  platform: "web",
  defaultSubscription: 'type = "track"',
  fields: {
    event: {
      label: "Event",
      description: "The name of the event.",
      type: "string",
      required: true,
      default: { "@path": "$.event" },
    },
    attributes: {
      label: "Event Attributes",
      description: "The attributes (properties) of the event.",
      type: "object",
      default: { "@path": "$.properties" },
    },
  },
  perform: (hubble, { payload }) => {
    hubble.track?.(payload.event, payload.attributes);
  },
});
