import { createHmac } from "node:crypto";
import {
  defineDestination,
  type InferFields,
  type InputFields,
} from "@destkit/core";
import send from "./send/index.ts";

const settings = {
  sharedSecret: {
    type: "password",
    label: "Shared Secret",
    description:
      'If set, requests are signed with an HMAC in the "X-Signature" request header: the hex-encoded SHA-1 HMAC of the request body, keyed with this secret.',
  },
} as const satisfies InputFields;

/** The settings every action receives. */
export type Settings = InferFields<typeof settings>;

/** Segment's "Webhook": sends each event (or a batch of them) to a URL of your choice. */
export default defineDestination({
  name: "Webhook",
  slug: "actions-webhook",
  mode: "cloud",
  description:
    "Send events to any HTTP endpoint, with custom method and headers, one by one or in batches.",
  authentication: {
    scheme: "custom",
    fields: settings,
  },
  extendRequest: ({ settings, payload }) => {
    const body = signedBody(payload);
    if (!settings.sharedSecret || body === undefined) return {};
    const digest = createHmac("sha1", settings.sharedSecret).update(
      JSON.stringify(body),
      "utf8",
    ).digest("hex");
    return { headers: { "X-Signature": digest } };
  },
  actions: {
    send,
  },
});

/** The JSON body a request will carry: `data` of one payload, or the list of them in a batch. */
function signedBody(payload: unknown): unknown {
  if (Array.isArray(payload)) {
    const items = payload.map((item) => (item as { data?: unknown })?.data);
    return items.some((data) => data !== undefined) ? items : undefined;
  }
  return (payload as { data?: unknown } | undefined)?.data;
}
