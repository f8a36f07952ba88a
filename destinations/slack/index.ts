import { defineDestination } from "@destkit/core";
import postToChannel from "./postToChannel/index.ts";

/** Slack: post messages to channels through incoming webhooks (the guide's example). */
export default defineDestination({
  name: "Slack (Actions)",
  slug: "actions-slack",
  mode: "cloud",
  description: "Post messages to Slack channels when events happen.",
  actions: {
    postToChannel,
  },
});
