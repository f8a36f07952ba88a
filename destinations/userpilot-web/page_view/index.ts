import { defineBrowserAction } from "@destkit/browser";
import type { Settings, Userpilot } from "../types.ts";

/** Tells Userpilot that a page was viewed, so that its content can show. */
export default defineBrowserAction<Settings, Userpilot>()({
  title: "Page View",
  description:
    "Reload Userpilot's content for the page that was viewed; identify the user first.",
  platform: "web",
  defaultSubscription: 'type = "page"',
  fields: {
    name: {
      label: "Page Name",
      description: "The name of the page that was viewed.",
      type: "string",
      default: { "@path": "$.name" },
    },
    properties: {
      label: "Properties",
      description: "The properties of the page that was viewed.",
      type: "object",
      default: { "@path": "$.properties" },
    },
  },
  perform: (userpilot, { payload }) => {
    userpilot.reload(payload.name ?? "", payload.properties ?? {});
  },
});
