// A device-mode destination that opts in to `@liquid`: its bundle must carry liquidjs.
import { browserDestination, defineBrowserDestination } from "@destkit/browser";
import { compileMapping } from "../../../core/mapping/compile_mapping.ts";

/** The definition, whose client hands each `send` payload's text to `send`. */
export function defineLiquidWeb(send: (text: string) => void) {
  return defineBrowserDestination({
    name: "Liquid Web",
    slug: "liquid-web",
    mode: "device",
    initialize: () => ({ send }),
    actions: {
      send: {
        title: "Send",
        platform: "web",
        fields: { text: { label: "Text", type: "string", required: true } },
        perform: (client, { payload }) => client.send(payload.text),
      },
    },
  });
}

export const destination = defineLiquidWeb(() => {});

export default browserDestination(destination, { compileMapping });
