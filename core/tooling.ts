/**
 * `@destkit/core/tooling`: what tools built around destinations use, not the
 * destinations themselves: every mistake of a definition (`findDefinitionIssues`)
 * or of its fields as a list
 * (`deno task validate` prints them, `createDestination` throws the first),
 * JSON Schema for manifests and the tester page, where Segment reads a
 * subscription query differently, the keys a mapping value may hold, fixture
 * hints per field kind, and secret redaction for recorded requests.
 *
 * ```ts
 * import { findFieldDefinitionIssues } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const issues = findFieldDefinitionIssues(
 *   { on: { label: "On", type: "boolean", minimum: 1 } },
 *   'action "track"',
 * );
 * assert.deepEqual(issues.map((issue) => issue.path), ["on"]);
 * ```
 *
 * @module
 */

export {
  checkFieldDefinitions,
  fieldsToJSONSchema,
  findFieldDefinitionIssues,
  getFieldKind,
  kindFixture,
} from "./fields/mod.ts";
export type {
  FieldConstraint,
  FieldDefinitionIssue,
  FieldFixtureHint,
  JSONSchema,
} from "./fields/mod.ts";
export { getFieldValueKeys, getTemplateKeys } from "./mapping/mod.ts";
export { explainFqlDifferences } from "./fql/mod.ts";
export type { FqlDifference } from "./fql/mod.ts";
export { redactSecretHeaders, redactSecrets } from "./request/mod.ts";
export { findSecrets, redactRecordedRequest } from "./destination/mod.ts";
export { findDefinitionIssues } from "./destination/compile/find_definition_issues.ts";
export type { DefinitionIssue } from "./destination/compile/find_definition_issues.ts";
