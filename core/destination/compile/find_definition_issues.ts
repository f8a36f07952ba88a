// Every mistake of a definition as a list: what `deno task validate` prints, `createDestination` throws the first.
import { walkDefinition } from "./_compile_definition.ts";
import type { DefinitionIssue } from "./definition_issue.ts";
import type { DestinationDefinition } from "../types.ts";

export type { DefinitionIssue };

/**
 * Returns every mistake of a destination definition, in the order `createDestination`
 * meets them (it throws the first): the destination's own keys, each action (its fields,
 * field defaults, `defaultSubscription`), the authentication, then each preset (its
 * action, query and mapping). Device-mode definitions are checked the same way.
 *
 * @example
 * ```ts
 * import { findDefinitionIssues } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const issues = findDefinitionIssues({
 *   name: "Acme",
 *   actions: { track: { title: "Track", description: "", fields: {}, perform() {} } },
 *   presets: [
 *     { name: "All", subscribe: "type =", partnerAction: "track", type: "automatic" },
 *     { name: "Gone", subscribe: 'type = "track"', partnerAction: "nope", type: "automatic" },
 *   ],
 * });
 * assert.deepEqual(issues.map((issue) => issue.path), [
 *   "presets[0].subscribe",
 *   "presets[1].partnerAction",
 * ]);
 * ```
 */
export function findDefinitionIssues(definition: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  walkDefinition(definition as DestinationDefinition, (issue) => {
    issues.push(issue);
  });
  return issues;
}
