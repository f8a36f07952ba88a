import { validateMapping } from "@destkit/core";
import {
  type DefinitionIssue,
  explainFqlDifferences,
  findDefinitionIssues,
  findFieldDefinitionIssues,
} from "@destkit/core/tooling";
import type { InputFields } from "@destkit/core";
import type { Finding } from "./_finding.ts";
import type { LoadedDefinition } from "./_load.ts";
import { checkSlug } from "./_names.ts";

/** Where the findings of one definition point. */
export interface CheckContext {
  /** The folder of the destination. */
  folder: string;
  /** The file of the definition. */
  file: string;
  /** The file an action is written in. */
  actionFile(action: string): string;
}

const SECRET =
  /(secret|password|passwd|token|api_?key|private_?key|credential)/i;
const NOT_SECRET = /(url|uri|endpoint|type|name|region|id)$/i;

type Report = (level: Finding["level"], path: string, message: string) => void;

/** Checks a mapping as the runtime will, one finding per fault. */
function checkMapping(mapping: unknown, path: string, report: Report): void {
  try {
    validateMapping(mapping);
  } catch (error) {
    reportMappingFaults(error, path, report);
  }
}

/** Reports each fault of a mapping's error (every error of an `AggregateError`) at `path`. */
function reportMappingFaults(
  error: unknown,
  path: string,
  report: Report,
): void {
  const faults = error instanceof AggregateError ? error.errors : [error];
  for (const fault of faults) {
    report(
      "error",
      path,
      `the mapping is invalid: ${
        fault instanceof Error ? fault.message : String(fault)
      }`,
    );
  }
}

/**
 * Checks fields: core's definition checks (types, constraints, choices and
 * literal defaults that fit, nested properties), each mistake once, then
 * labels and descriptions, and defaults that are mappings.
 */
export function checkFields(
  fields: InputFields,
  prefix: string,
  report: Report,
): void {
  for (const [key, field] of Object.entries(fields)) {
    const path = `${prefix}.${key}`;
    const issues = findFieldDefinitionIssues({ [key]: field }, prefix);
    checkTexts(field, path, report);
    for (const issue of issues) {
      // Core names a member `user.email`; the definition nests it under `properties`.
      const at = issue.path.split(".").join(".properties.");
      report("error", `${prefix}.${at}`, issue.message);
    }
    if (isRecord(field) && isRecord(field.properties)) {
      checkMemberTexts(field.properties, `${path}.properties`, report);
    }
  }
}

// What core does not check: a label that is blank (a missing one is core's), a description,
// and a default that is a mapping (checked as the runtime will).
function checkTexts(field: unknown, path: string, report: Report): void {
  if (!isRecord(field)) return;
  if (typeof field.label === "string" && field.label.trim() === "") {
    report("error", path, "the field has no label");
  }
  if (
    typeof field.description !== "string" || field.description.trim() === ""
  ) {
    report("error", path, "the field has no description");
  }
  if (field.default !== undefined) {
    const key = path.slice(path.lastIndexOf(".") + 1);
    checkMapping({ [key]: field.default }, `${path}.default`, report);
  }
}

function checkMemberTexts(
  fields: Record<string, unknown>,
  prefix: string,
  report: Report,
): void {
  for (const [key, field] of Object.entries(fields)) {
    checkTexts(field, `${prefix}.${key}`, report);
    if (isRecord(field) && isRecord(field.properties)) {
      checkMemberTexts(field.properties, `${prefix}.${key}.properties`, report);
    }
  }
}

// deno-lint-ignore no-explicit-any
function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks the settings fields: those above plus secrets typed `password`. */
function checkSettings(
  fields: InputFields,
  prefix: string,
  report: Report,
): void {
  checkFields(fields, prefix, report);
  for (const [key, field] of Object.entries(fields)) {
    if (
      SECRET.test(key) && !NOT_SECRET.test(key) && field.type !== "password"
    ) {
      report(
        "error",
        `${prefix}.${key}`,
        `"${key}" looks like a secret but is of type ${field.type}: make it type "password" so it is masked and redacted`,
      );
    }
  }
}

/** Warns where Segment would read a query core parses differently (core reports what does not parse). */
function warnQuery(query: unknown, path: string, report: Report): void {
  if (typeof query !== "string") return;
  let differences;
  try {
    differences = explainFqlDifferences(query);
  } catch {
    return; // does not parse: core's issue
  }
  for (const difference of differences) {
    report(
      "warning",
      path,
      `column ${difference.column}: ${difference.message}`,
    );
  }
}

/** Reports core's issues (`findDefinitionIssues`), a mapping's faults one by one. */
function reportIssues(
  issues: readonly DefinitionIssue[],
  report: Report,
  known: string,
): void {
  for (const issue of issues) {
    if (issue.path.endsWith(".mapping") && issue.cause !== undefined) {
      reportMappingFaults(issue.cause, issue.path, report);
    } else if (issue.path.endsWith(".partnerAction")) {
      report("error", issue.path, `${issue.reason} (actions: ${known})`);
    } else report("error", issue.path, issue.reason);
  }
}

/**
 * Core's issues this command prints: all but those it words itself (the name, and fields,
 * checked one by one with their texts by {@linkcode checkFields}).
 */
function coreIssues(definition: LoadedDefinition): DefinitionIssue[] {
  return findDefinitionIssues(definition).filter((issue) =>
    issue.field === undefined && issue.path !== "name" &&
    !issue.path.endsWith(".fields")
  );
}

/** Returns the findings of one destination's definition (everything but slug uniqueness and git). */
export function checkDefinition(
  definition: LoadedDefinition,
  context: CheckContext,
): Finding[] {
  const findings: Finding[] = [];
  let file = context.file;
  const issues = coreIssues(definition);
  const actionKeys = Object.keys(definition.actions ?? {});
  const known = actionKeys.join(", ") || "there are none";
  const report: Report = (level, path, message) =>
    findings.push({ level, file, path, message });

  if (typeof definition.name !== "string" || definition.name.trim() === "") {
    report("error", "name", "the destination has no name");
  }
  if (definition.slug === undefined) {
    report("error", "slug", "the destination has no slug");
  } else {
    const problem = checkSlug(definition.slug);
    if (problem !== undefined) report("error", "slug", problem);
  }
  if (definition.mode !== "cloud" && definition.mode !== "device") {
    report(
      "error",
      "mode",
      `the mode must be "cloud" or "device", not ${
        JSON.stringify(definition.mode)
      }`,
    );
  }
  if (definition.authentication?.fields !== undefined) {
    checkSettings(
      definition.authentication.fields,
      "authentication.fields",
      report,
    );
  }
  // Device-mode settings ship to the browser, so a key there is public by design.
  if (definition.settings !== undefined) {
    checkFields(definition.settings, "settings", report);
  }
  reportIssues(
    issues.filter((issue) =>
      issue.action === undefined && issue.preset === undefined
    ),
    report,
    known,
  );

  const actions = definition.actions ?? {};
  for (const [key, action] of Object.entries(actions)) {
    file = context.actionFile(key);
    const path = `actions.${key}`;
    if (typeof action.title !== "string" || action.title.trim() === "") {
      report("error", `${path}.title`, "the action has no title");
    }
    if (
      typeof action.description !== "string" || action.description.trim() === ""
    ) {
      report("error", `${path}.description`, "the action has no description");
    }
    reportIssues(
      issues.filter((issue) => issue.action === key),
      report,
      known,
    );
    warnQuery(
      action.defaultSubscription,
      `${path}.defaultSubscription`,
      report,
    );
    checkFields(action.fields ?? {}, `${path}.fields`, report);
  }

  file = context.file;
  for (const [index, preset] of (definition.presets ?? []).entries()) {
    const path = `presets[${index}]`;
    if (typeof preset.name !== "string" || preset.name === "") {
      report("error", `${path}.name`, "the preset has no name");
    }
    const action = Object.hasOwn(actions, preset.partnerAction)
      ? actions[preset.partnerAction]
      : undefined;
    reportIssues(
      issues.filter((issue) => issue.preset === index),
      report,
      known,
    );
    if (preset.type !== "specificEvent") {
      warnQuery(
        (preset as { subscribe?: unknown }).subscribe,
        `${path}.subscribe`,
        report,
      );
    }
    if (preset.mapping !== undefined && action !== undefined) {
      const fields = action.fields ?? {};
      for (const key of Object.keys(preset.mapping)) {
        if (!(key in fields)) {
          report(
            "error",
            `${path}.mapping.${key}`,
            `action "${preset.partnerAction}" has no field "${key}"`,
          );
        }
      }
    }
  }
  return findings;
}
