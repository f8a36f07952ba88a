import {
  defineAction,
  type InferFields,
  type InputFields,
  type RequestClient,
} from "@destkit/core";
import type { Settings } from "../index.ts";

/** One profile field of a contact, on or off. */
export interface SegmentationFieldValue {
  segmentationFieldId: number;
  value: string;
}

/** The body item Listrak takes per contact. */
export interface ContactSegmentationFieldValues {
  emailAddress: string;
  segmentationFieldValues: SegmentationFieldValue[];
}

const fields = {
  listId: {
    label: "List ID",
    description:
      "Identifier used to locate the list. Find this under Help & Support > API ID Information in https://admin.listrak.com.",
    type: "integer",
    required: true,
  },
  emailAddress: {
    label: "Email Address",
    description: "Email address of the contact.",
    type: "string",
    format: "email",
    default: {
      "@if": {
        exists: { "@path": "$.context.traits.email" },
        then: { "@path": "$.context.traits.email" },
        else: { "@path": "$.traits.email" },
      },
    },
    required: true,
  },
  profileFieldValues: {
    label: "Profile Field Values",
    description:
      'Add one or more profile field IDs as object keys. You can find these IDs under Help & Support > API ID Information on https://admin.listrak.com. Choose one of three options as the object value: "on" (activates this field in Listrak), "off" (deactivates this field in Listrak), or "useAudienceKey" (Listrak sets the field based on the Segment Audience payload\'s audience_key boolean value: "true" activates the field, "false" deactivates it).',
    type: "object",
    required: true,
    defaultObjectUI: "keyvalue:only",
  },
  traits_or_props: {
    label: "Traits or properties object",
    description:
      "A computed object for track and identify events. This field should not need to be edited.",
    type: "object",
    unsafe_hidden: true,
    default: {
      "@if": {
        exists: { "@path": "$.properties" },
        then: { "@path": "$.properties" },
        else: { "@path": "$.traits" },
      },
    },
  },
  segment_audience_key: {
    label: "Audience Key",
    description:
      "Segment Audience Key to which user identifier should be added or removed.",
    type: "string",
    unsafe_hidden: true,
    default: { "@path": "$.context.personas.computation_key" },
  },
  enable_batching: {
    type: "boolean",
    label: "Batch Data to Listrak",
    description:
      "When enabled, multiple events will be sent to Listrak in a single request, which is recommended for optimal performance.",
    required: true,
    default: true,
  },
} as const satisfies InputFields;

type Payload = InferFields<typeof fields>;

export default defineAction<Settings>()({
  title: "Update Email Contact Profile Fields",
  description:
    "One or more list imports will be started to update the specified contact profile fields on the specified list.",
  fields,
  perform: (request, { payload }) => sendByList(request, [payload]),
  performBatch: (request, { payload }) => sendByList(request, payload),
});

/** Sends one request per list, each with the contacts of that list, in the order lists first appear. */
async function sendByList(
  request: RequestClient,
  payloads: Payload[],
): Promise<unknown> {
  const byList = new Map<number, ContactSegmentationFieldValues[]>();
  for (const payload of payloads) {
    const contacts = byList.get(payload.listId) ?? [];
    contacts.push({
      emailAddress: payload.emailAddress,
      segmentationFieldValues: segmentationFields(
        payload.profileFieldValues,
        audienceEntered(payload),
      ),
    });
    byList.set(payload.listId, contacts);
  }
  let last: unknown;
  for (const [listId, contacts] of byList) {
    last = await request(
      `https://api.listrak.com/email/v1/List/${listId}/Contact/SegmentationField`,
      {
        method: "POST",
        json: contacts,
      },
    );
  }
  return last;
}

/** Whether the user entered the audience (`true`), left it (`false`), or neither is known (`null`). */
function audienceEntered(payload: Payload): boolean | null {
  const key = payload.segment_audience_key;
  if (!key || payload.traits_or_props === undefined) return null;
  const value = payload.traits_or_props[key];
  return typeof value === "boolean" ? value : null;
}

/** Keeps the keys that parse as a non-zero field ID; `useAudienceKey` becomes `on`/`off` when it can. */
function segmentationFields(
  values: { [key: string]: unknown },
  entered: boolean | null,
): SegmentationFieldValue[] {
  const result: SegmentationFieldValue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const id = parseInt(key);
    if (!id) continue;
    const text = String(value);
    const resolved = text === "useAudienceKey" && entered !== null
      ? (entered ? "on" : "off")
      : text;
    result.push({ segmentationFieldId: id, value: resolved });
  }
  return result;
}
