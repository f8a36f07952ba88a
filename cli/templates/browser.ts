import { toCamelCase } from "../_names.ts";
import { destinationTemplate } from "./_destination_template.ts";
import {
  type DestinationInput,
  type DestinationTemplate,
  quote,
} from "./_template.ts";

/** The name of the global the partner SDK defines, such as `acmeCrmSdk`. */
function sdkGlobal(input: DestinationInput): string {
  const name = `${toCamelCase(input.name)}Sdk`;
  return /^[A-Za-z_$]/.test(name) ? name : `sdk${name}`;
}

function index(input: DestinationInput): string {
  const sdk = sdkGlobal(input);
  return `import {
  browserDestination,
  defineBrowserDestination,
  defineFields,
  type InferFields,
} from "@destkit/browser";

/** The partner SDK's client: the methods the actions call. */
export interface Client {
  track(event: string, properties?: Record<string, unknown>): void;
}

declare global {
  // The global your SDK defines once loaded.
  var ${sdk}: Client | undefined;
}

// Your SDK's address on its CDN.
export const SDK_URL = "https://cdn.example.com/sdk.js";

const settings = defineFields({
  appId: {
    label: "App ID",
    description: ${quote(`Your ${input.name} app ID.`)},
    type: "string",
    required: true,
  },
});

/** The settings every action receives. */
export type Settings = InferFields<typeof settings>;

export const destination = defineBrowserDestination({
  name: ${quote(input.name)},
  slug: ${quote(input.slug)},
  mode: "device",
  description: ${quote(`Send events to ${input.name} from the browser.`)},
  settings,
  initialize: async ({ settings }, deps): Promise<Client> => {
    await deps.loadScript(\`\${SDK_URL}?app_id=\${encodeURIComponent(settings.appId)}\`);
    await deps.resolveWhen(() => globalThis.${sdk} !== undefined, { timeout: 5000 });
    return globalThis.${sdk} as Client;
  },
  actions: {},
});

export default browserDestination(destination);
`;
}

function test(input: DestinationInput): string {
  const sdk = sdkGlobal(input);
  return `import assert from "node:assert/strict";
import { resolveWhen } from "@destkit/browser";
import { type Client, destination, SDK_URL } from "./index.ts";

Deno.test(${
    quote(`${input.name} initialize loads the SDK from its CDN`)
  }, async () => {
  const client: Client = { track: () => {} };
  const loaded: string[] = [];
  try {
    const deps = {
      loadScript: (src: string) => {
        loaded.push(src);
        globalThis.${sdk} = client;
        return Promise.resolve({} as HTMLScriptElement);
      },
      resolveWhen,
    };
    const analytics = { user: () => ({ id: () => null, anonymousId: () => null, traits: () => ({}) }) };
    const result = await destination.initialize({ settings: { appId: "test-app" }, analytics }, deps);
    assert.equal(result, client);
    assert.deepEqual(loaded, [\`\${SDK_URL}?app_id=test-app\`]);
  } finally {
    globalThis.${sdk} = undefined;
  }
});
`;
}

/** Device mode: loads the partner SDK from its CDN in the browser. */
export const browserTemplate: DestinationTemplate = destinationTemplate({
  id: "browser",
  title: "Browser (device mode): loads the partner SDK from a CDN",
  mode: "device",
  summary:
    "A device-mode destination: it runs in the browser, inside analytics.js, and loads the partner SDK from its CDN. `deno task bundle` builds it.",
  index,
  test: test,
});
