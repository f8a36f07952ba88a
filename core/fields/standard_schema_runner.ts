/**
 * Runs a field's Standard Schema (`schema`) after the kind's checks: give it
 * to `compileFieldChecks` (option `runSchema`) when a field has a schema.
 *
 * @module
 */
import type { PathIssue } from "./_normalize.ts";
import type { StandardSchemaV1 } from "./_standard_schema.ts";

/** Runs `schema` on `value`: returns its output, or `value` after adding its issues to `issues`. */
export function runStandardSchema(
  schema: StandardSchemaV1,
  value: unknown,
  path: readonly PropertyKey[],
  issues: PathIssue[],
): unknown {
  const result = schema["~standard"].validate(value);
  if (result instanceof Promise) {
    issues.push({
      path,
      message: "cannot be checked: its schema is asynchronous",
      aborts: true,
    });
    return value;
  }
  if (result.issues === undefined) return result.value;
  for (const issue of result.issues) {
    const at = (issue.path ?? []).map((part) =>
      typeof part === "object" ? part.key : part
    );
    issues.push({
      path: [...path, ...at],
      message: issue.message,
      aborts: true,
    });
  }
  return value;
}
