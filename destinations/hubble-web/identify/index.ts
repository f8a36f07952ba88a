import { defineBrowserAction } from "@destkit/browser";
import type { Hubble, Settings } from "../types.ts";

/** Identifies the visitor to Hubble. */
export default defineBrowserAction<Settings, Hubble>()({
  title: "Identify",
  description: "Identify the user, with their traits as attributes.",
  platform: "web",
  defaultSubscription: 'type = "identify"',
  fields: {
    userId: {
      label: "User ID",
      description: "The unique ID of the user.",
      type: "string",
      required: true,
      default: { "@path": "$.userId" },
    },
    anonymousId: {
      label: "Anonymous ID",
      description: "The anonymous ID of the user.",
      type: "string",
      default: { "@path": "$.anonymousId" },
    },
    attributes: {
      label: "Traits",
      description: "The user's traits.",
      type: "object",
      default: { "@path": "$.traits" },
    },
  },
  perform: (hubble, { payload }) => {
    hubble.identify?.(payload.userId, {
      anonymousId: payload.anonymousId,
      ...payload.attributes,
    });
  },
});
