import { destinationTemplate } from "./_destination_template.ts";
import {
  type DestinationInput,
  type DestinationTemplate,
  quote,
} from "./_template.ts";

function index(input: DestinationInput): string {
  return `import { defineDestination } from "@destkit/core";

/** The settings every action receives: this destination has none. */
export type Settings = Record<never, never>;

export default defineDestination({
  name: ${quote(input.name)},
  slug: ${quote(input.slug)},
  mode: "cloud",
  description: ${quote(`Send events to ${input.name}.`)},
  extendRequest: () => ({
    // The base URL of the API: action requests are relative to it.
    prefixUrl: "https://api.example.com/v1/",
  }),
  actions: {},
});
`;
}

function test(input: DestinationInput): string {
  return `import { createTestIntegration } from "@destkit/test";
import destination from "./index.ts";

Deno.test(${
    quote(`${input.name} compiles its fields, mappings and subscriptions`)
  }, () => {
  createTestIntegration(destination);
});
`;
}

/** No authentication: a definition and its actions, nothing more. */
export const minimalTemplate: DestinationTemplate = destinationTemplate({
  id: "minimal",
  title: "Minimal: no authentication",
  mode: "cloud",
  summary: "A cloud-mode destination without authentication.",
  index,
  test: test,
});
