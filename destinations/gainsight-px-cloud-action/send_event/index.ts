import { defineAction } from "@destkit/core";
import type { Settings } from "../index.ts";
import { commonFields } from "../common_fields.ts";
import { getEndpointByRegion } from "../regional_endpoints.ts";

export default defineAction<Settings>()({
  title: "Send Event",
  description: "Send entire event payload to Gainsight PX",
  fields: { ...commonFields },
  perform: (request, { payload, settings }) =>
    request(getEndpointByRegion("track", settings.dataCenter), {
      method: "post",
      json: payload.segmentEvent,
    }),
});
