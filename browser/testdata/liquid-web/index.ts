// A device-mode destination that opts in to `@liquid`: its bundle must carry liquidjs.
import { browserDestination, defineBrowserDestination } from "@destkit/browser";
import { compileMapping } from "../../../core/mapping/compile_mapping.ts";

export const destination = defineBrowserDestination({
  name: "Liquid Web",
  slug: "liquid-web",
  mode: "device",
  initialize: () => ({ send: (_text: string) => {} }),
  actions: {
    send: {
      title: "Send",
      platform: "web",
      fields: { text: { label: "Text", type: "string", required: true } },
      perform: (client, { payload }) => client.send(payload.text),
    },
  },
});

export default browserDestination(destination, { compileMapping });
