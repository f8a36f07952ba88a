import type { ActionTemplate, DestinationTemplate } from "./_template.ts";
import { basicTemplate } from "./basic.ts";
import { browserTemplate } from "./browser.ts";
import { browserActionTemplate } from "./browser_action.ts";
import { customTemplate } from "./custom.ts";
import { minimalTemplate } from "./minimal.ts";
import { oauth2Template } from "./oauth2.ts";
import { oauthManagedTemplate } from "./oauth_managed.ts";
import { serverActionTemplate } from "./server_action.ts";

/** The destination scaffolds of `deno task init`, in the order the prompt lists them. */
export const destinationTemplates: readonly DestinationTemplate[] = [
  customTemplate,
  basicTemplate,
  oauth2Template,
  oauthManagedTemplate,
  minimalTemplate,
  browserTemplate,
];

/** The action scaffolds of `deno task action`. */
export const actionTemplates: readonly ActionTemplate[] = [
  serverActionTemplate,
  browserActionTemplate,
];
