/**
 * Runs a field's Standard Schema (`schema`) after the kind's checks: give it
 * to `compileFieldChecks` (option `runSchema`) when a field has a schema.
 *
 * @module
 */
import type { PathIssue } from "./_normalize.ts";
import type { StandardSchemaV1 } from "./_standard_schema.ts";

/**
 * Runs `schema` on `value`: returns its output, or `value` after adding its issues to `issues`.
 * When an issue from index `from` on aborts (an earlier check of the value failed), the
 * schema is not run and `value` is returned.
 */
export function runStandardSchema(
  schema: StandardSchemaV1,
  value: unknown,
  path: readonly PropertyKey[],
  issues: PathIssue[],
  from = issues.length,
): unknown {
  for (let index = from; index < issues.length; index++) {
    if (issues[index].aborts) return value;
  }
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
