// The checks a definition goes through once, and how their messages describe a value.
import {
  type CompiledFields,
  compileFields,
  findFieldDefinitionIssues,
  type InputFields,
} from "../../fields/mod.ts";
import { messageOf } from "../run/_outcome.ts";
import type { DefinitionIssue } from "./definition_issue.ts";

/** Reports a `TypeError` issue at `path` unless `value`, at `key` of a definition, is a function or absent. */
export function checkFunction(
  where: string,
  key: string,
  value: unknown,
  report: ReportIssue,
  issue: Omit<DefinitionIssue, "message" | "reason" | "error">,
): void {
  if (value !== undefined && typeof value !== "function") {
    const reason = `"${key}" must be a function, got ${describe(value)}`;
    report({
      ...issue,
      message: `${where}: ${reason}`,
      reason,
      error: TypeError,
    });
  }
}

/** Describes a value for an error message: a string quoted, else its kind. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/** Receives each issue of a definition: throws it (`createDestination`) or collects it. */
export type ReportIssue = (issue: DefinitionIssue) => void;

/** Throws `issue` as `createDestination` does. */
export function throwIssue(issue: DefinitionIssue): never {
  throw new issue.error(
    issue.message,
    issue.cause === undefined ? undefined : { cause: issue.cause },
  );
}

/**
 * Compiles `fields` (settings or an action's); when they do not compile, reports each field
 * issue under `path` (the compiler's error itself when no check names one) and returns
 * undefined. `where` names the owner in messages, `at` is what every issue carries.
 */
export function compileFieldsOrReport(
  fields: InputFields,
  where: string,
  path: string,
  report: ReportIssue,
  at: Pick<DefinitionIssue, "destination" | "action">,
): CompiledFields | undefined {
  try {
    return compileFields(fields, { where });
  } catch (error) {
    if (report === throwIssue) throw error;
    const issues = findFieldDefinitionIssues(fields, where);
    if (issues.length === 0) {
      const message = messageOf(error);
      report({
        ...at,
        path,
        message,
        reason: message,
        error: TypeError,
        cause: error,
      });
    }
    for (const issue of issues) {
      report({
        ...at,
        field: issue.path,
        path: `${path}.${issue.path}`,
        message: issue.message,
        reason: issue.message,
        error: issue.error,
      });
    }
    return undefined;
  }
}
