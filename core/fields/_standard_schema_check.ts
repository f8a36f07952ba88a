// A field's Standard Schema (`schema`): whether fields have one, and running it
// after the kind's checks. Kept apart so a browser bundle whose fields have
// none can leave it out (browser/bundle/_field_kinds_plugin.ts).
import type { PathIssue } from "./_check_payload.ts";
import type { StandardSchemaV1 } from "./_standard_schema.ts";
import type { InputFields } from "./input_field.ts";

/** Whether a field (members included) has a Standard Schema, whose output replaces the value. */
export function hasStandardSchema(fields: InputFields): boolean {
  return Object.values(fields).some((field) =>
    field.schema !== undefined ||
    (field.properties !== undefined && hasStandardSchema(field.properties))
  );
}

/** Runs `schema` on `value`: returns its output, or `value` after adding its issues to `issues`. */
export function applyStandardSchema(
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
