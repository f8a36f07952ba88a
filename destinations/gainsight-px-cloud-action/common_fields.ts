import type { InputFields } from "@destkit/core";

/** The fields every Gainsight PX action has: the raw event. */
export const commonFields = {
  segmentEvent: {
    label: "Segment Event",
    type: "object",
    description: "The raw Segment event",
    required: false,
    default: { "@path": "$." },
  },
} as const satisfies InputFields;
