// Dependent `required` ({ conditions: [...] }): collected from the fields, evaluated against
// the whole payload, and the feature a validator is given to support it.
import type { FieldIssue } from "../errors.ts";
import { isPlainValueObject } from "./_json_types.ts";
import { formatPath } from "./_format_path.ts";
import type {
  FieldCondition,
  FieldConditions,
  InputFields,
} from "./input_field.ts";

/** A field that is required when its conditions hold. */
export interface DependentRequirement {
  /** The keys leading to the field: `["user", "email"]`. */
  path: readonly string[];
  conditions: FieldConditions;
}

/** Collects every dependent `required` of a set of fields, members included. */
export function collectRequirements(
  fields: InputFields,
  prefix: readonly string[] = [],
): DependentRequirement[] {
  const found: DependentRequirement[] = [];
  for (const [key, field] of Object.entries(fields)) {
    const path = [...prefix, key];
    if (typeof field.required === "object") {
      found.push({ path, conditions: field.required });
    }
    if (field.properties !== undefined) {
      found.push(...collectRequirements(field.properties, path));
    }
  }
  return found;
}

/** Whether the conditions hold for a payload (`match: "all"` unless `"any"`). */
function conditionsHold(
  conditions: FieldConditions,
  payload: Record<string, unknown>,
): boolean {
  return conditions.match === "any"
    ? conditions.conditions.some((condition) =>
      conditionHolds(condition, payload)
    )
    : conditions.conditions.every((condition) =>
      conditionHolds(condition, payload)
    );
}

// Segment's JSON Schema: `is`/`is_not` a value need the key present; `is` with no value
// means missing or null, where AJV's coercion also counts "", 0, false and a one-item
// array of those as null.
// Through a non-object parent ("a.b" with a = 1) a condition holds.
function conditionHolds(
  condition: FieldCondition,
  payload: Record<string, unknown>,
): boolean {
  const keys = condition.fieldKey.split(".");
  let value: unknown = payload;
  for (let index = 0; index < keys.length; index++) {
    if (!isPlainValueObject(value)) return true;
    value = value[keys[index]];
    if (value === undefined) break;
  }
  const is = condition.operator === "is";
  if (condition.value === undefined) return is === isNullish(value);
  if (value === undefined) return false;
  return is === isDeepEqual(value, condition.value);
}

function isNullish(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 1) {
    return isNullish(value[0]) && value[0] !== undefined;
  }
  return value === undefined || value === null || value === "" || value === 0 ||
    value === false;
}

function isDeepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return false;
    // Indexed, not `every`: an array may have no prototype.
    for (let index = 0; index < left.length; index++) {
      if (!isDeepEqual(left[index], right[index])) return false;
    }
    return true;
  }
  if (!isPlainValueObject(left) || !isPlainValueObject(right)) return false;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length &&
    keys.every((key) => isDeepEqual(left[key], right[key]));
}

/** The paths (keys and item indices) where a required field is missing. */
function findMissing(
  path: readonly string[],
  payload: Record<string, unknown>,
): (string | number)[][] {
  const missing: (string | number)[][] = [];
  walk(payload, 0, []);
  return missing;

  function walk(value: unknown, depth: number, at: (string | number)[]): void {
    if (Array.isArray(value) && depth > 0) {
      for (let index = 0; index < value.length; index++) {
        walk(value[index], depth, [...at, index]);
      }
      return;
    }
    if (!isPlainValueObject(value)) return;
    const member = value[path[depth]];
    if (member === undefined) missing.push([...at, ...path.slice(depth)]);
    else if (depth + 1 < path.length) {
      walk(member, depth + 1, [...at, path[depth]]);
    }
  }
}

/**
 * Returns an issue for each field required by conditions that hold but
 * missing from the payload. As in Segment, conditions read the values received
 * (empty values removed, not yet coerced); the required field must be present
 * in the result.
 */
function findMissingRequirements(
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
/**
 * Returns an issue for each field required by conditions that hold but
 * missing: `received` holds the top-level values after empty values are
 * removed and before coercion, `normalized` the payload validated.
 */
export type FindMissingRequirements = (
  received: Record<string, unknown>,
  normalized: unknown,
) => FieldIssue[];

/** How a validator evaluates dependent `required` (`required: { conditions }`). */
export interface DependentRequirements {
  /**
   * Compiles every dependent `required` of a set of fields, members included:
   * `undefined` when there is none.
   */
  compile(fields: InputFields): FindMissingRequirements | undefined;
}

/**
 * Dependent `required`: give it to `compileFieldChecks` (option
 * `requirements`) when a field is required by conditions. As in Segment,
 * conditions read the values received (empty values removed, not coerced).
 */
export const dependentRequirements: DependentRequirements = {
  compile(fields) {
    const requirements = collectRequirements(fields);
    return requirements.length === 0
      ? undefined
      : (received, normalized) =>
        findMissingRequirements(requirements, received, normalized);
  },
};
