import {
  defineDestination,
  type InferFields,
  type InputFields,
} from "@destkit/core";
import createOrUpdateContact from "./create_or_update_contact/index.ts";
import sendEvent from "./send_event/index.ts";

const settings = {
  apiKey: {
    label: "API Key",
    description: "Your Loops API Key",
    type: "password",
    required: true,
  },
} as const satisfies InputFields;

/** The settings every action receives. */
export type Settings = InferFields<typeof settings>;

/** Segment's "Loops (Actions)": contacts and events for the Loops email platform. */
export default defineDestination({
  name: "Loops (Actions)",
  slug: "actions-loops",
  mode: "cloud",
  description:
    "Create and update Loops contacts and send events that trigger Loops emails.",
  extendRequest: ({ settings }) => ({
    headers: {
      Authorization: `Bearer ${settings.apiKey}`,
      "Content-Type": "application/json",
    },
  }),
  authentication: {
    scheme: "custom",
    fields: settings,
    testAuthentication: (request) =>
      request("https://app.loops.so/api/v1/api-key", { method: "GET" }),
  },
  actions: {
    createOrUpdateContact,
    sendEvent,
  },
  onDelete: (request, { payload }) =>
    request("https://app.loops.so/api/v1/contacts/delete", {
      method: "POST",
      json: { userId: [payload.userId] },
    }),
});
