// Dependent `required` issues and issue paths, shared by both validators.
import type { FieldIssue } from "../errors.ts";
import { conditionsHold, findMissing } from "./_conditions.ts";
import type { DependentRequirement } from "./_conditions.ts";

/**
 * Returns an issue for each field required by conditions that hold but
 * missing from the payload. As in Segment, conditions read the values received
 * (empty values removed, not yet coerced); the required field must be present
 * in the result.
 */
export function findMissingRequirements(
  requirements: readonly DependentRequirement[],
  received: Record<string, unknown>,
  normalized: unknown,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof normalized !== "object" || normalized === null) return issues;
  for (const { path, conditions } of requirements) {
    if (!conditionsHold(conditions, received)) continue;
    for (const at of findMissing(path, normalized as Record<string, unknown>)) {
      issues.push({
        path: formatPath(at),
        message: "is required by the values of other fields",
      });
    }
  }
  return issues;
}

/** Joins keys and item indices into a path such as `properties.items[2].price`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    text += typeof part === "number"
      ? `[${part}]`
      : text === ""
      ? String(part)
      : `.${String(part)}`;
  }
  return text;
}
