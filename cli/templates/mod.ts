/**
 * The scaffolds of `deno task init` (destinations) and `deno task action`
 * (actions), each a function from the answers to the files it writes.
 *
 * @module
 */
export { actionTemplates, destinationTemplates } from "./templates.ts";
export type {
  ActionInput,
  ActionTemplate,
  DestinationInput,
  DestinationTemplate,
} from "./_template.ts";
