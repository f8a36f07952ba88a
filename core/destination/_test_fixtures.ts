// Shared by this folder's tests: a small destination, its subscriptions, and batch answers.
import { defineDestination, MultiStatusResponse } from "@destkit/core";

export const API = "https://api.acme.test";

/** A required string field read from the event's name, the field most test actions send. */
export const NAME_FIELD = {
  label: "Name",
  type: "string",
  required: true,
  default: { "@path": "$.event" },
} as const;

/** The Acme destination: custom auth, a track action with performBatch, an identify action without. */
export const acme = defineDestination({
  name: "Acme",
  slug: "actions-acme",
  mode: "cloud",
  authentication: {
    scheme: "custom",
    fields: {
      apiKey: { label: "API key", type: "string", required: true },
      region: { label: "Region", type: "string", choices: ["us", "eu"] },
    },
    testAuthentication: (request) => request(`${API}/me`),
  },
  extendRequest: ({ settings }) => ({
    headers: { authorization: `Bearer ${settings.apiKey}` },
  }),
  onDelete: (request, { payload }) =>
    request(`${API}/users/${payload.userId}`, { method: "delete" }),
  presets: [
    {
      name: "Track calls",
      subscribe: 'type = "track"',
      partnerAction: "track",
      type: "automatic",
    },
    {
      name: "Journey step",
      partnerAction: "track",
      type: "specificEvent",
      eventSlug: "journeys_step_entered_track",
      mapping: { name: { "@path": "$.event" } },
    },
  ],
  actions: {
    track: {
      title: "Track",
      defaultSubscription: 'type = "track"',
      fields: {
        name: NAME_FIELD,
        count: {
          label: "Count",
          type: "integer",
          default: { "@path": "$.properties.count" },
        },
      },
      perform: (request, { payload }) =>
        request(`${API}/track`, { method: "post", json: payload }),
      performBatch: (request, { payload }) =>
        request(`${API}/batch`, { method: "post", json: { batch: payload } }),
    },
    identify: {
      title: "Identify",
      defaultSubscription: 'type = "identify"',
      fields: {
        userId: {
          label: "User ID",
          type: "string",
          required: true,
          default: { "@path": "$.userId" },
        },
      },
      perform: (request, { payload }) =>
        request(`${API}/identify`, { method: "post", json: payload }),
    },
  },
});

export const TRACK = {
  name: "Track",
  subscribe: 'type = "track"',
  partnerAction: "track",
  mapping: {
    name: { "@path": "$.event" },
    count: { "@path": "$.properties.count" },
  },
};
export const IDENTIFY = {
  name: "Identify",
  subscribe: 'type = "identify"',
  partnerAction: "identify",
  mapping: { userId: { "@path": "$.userId" } },
};

/** A MultiStatusResponse answering each payload of a batch with `decide`. */
export function multiStatus(
  payloads: readonly { name?: string }[],
  decide: (payload: { name?: string }, index: number) => number,
): MultiStatusResponse {
  const response = new MultiStatusResponse();
  payloads.forEach((payload, index) => {
    const status = decide(payload, index);
    if (status < 300) {
      response.setSuccessResponseAtIndex(index, {
        status,
        sent: payload,
        body: { id: index },
      });
    } else {response.setErrorResponseAtIndex(index, {
        status,
        errormessage: `Rejected with ${status}`,
        sent: payload,
      });}
  });
  return response;
}
