import { defineBrowserAction } from "@destkit/browser";
import type { Settings, Userpilot } from "../types.ts";

/** Creates or updates the user in Userpilot. */
export default defineBrowserAction<Settings, Userpilot>()({
  title: "Identify User",
  description:
    "Create or update a user in Userpilot; identify a user before tracking them.",
  platform: "web",
  defaultSubscription: 'type = "identify"',
  fields: {
    userId: {
      label: "User ID",
      description:
        "The ID of the logged-in user (the anonymous ID when there is none).",
      type: "string",
      required: true,
      default: {
        "@if": {
          exists: { "@path": "$.userId" },
          then: { "@path": "$.userId" },
          else: { "@path": "$.anonymousId" },
        },
      },
    },
    createdAt: {
      label: "User Created At Date",
      description: "When the user profile was created.",
      type: "datetime",
      default: { "@path": "$.traits.createdAt" },
    },
    traits: {
      label: "Traits",
      description: "The user's traits.",
      type: "object",
      default: { "@path": "$.traits" },
    },
  },
  perform: (userpilot, { payload }) => {
    const { createdAt: _createdAt, ...traits } = payload.traits ?? {};
    userpilot.identify(payload.userId, {
      ...traits,
      created_at: payload.createdAt ?? traits.created_at,
    });
  },
});
