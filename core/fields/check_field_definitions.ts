import { isDirectiveFree } from "./_directives.ts";
import { checkFieldValue, compileObjectNode } from "./_normalize.ts";
import type { NormalizeState } from "./_normalize.ts";
import { formatPath } from "./_format_path.ts";
import { allFieldChecks } from "./all_field_checks.ts";
import { FORMAT_CHECKS } from "./format_checks.ts";
import type {
  FieldConditions,
  InputField,
  InputFields,
} from "./input_field.ts";
import { fieldKinds, getFieldKind } from "./kinds/field_kinds.ts";
import type { FieldConstraint } from "./kinds/field_kind.ts";

const FORMATS: readonly string[] = Object.keys(FORMAT_CHECKS);

const CONSTRAINTS: readonly FieldConstraint[] = [
  "format",
  "choices",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "properties",
  "additionalProperties",
];
const FLAGS = [
  "multiple",
  "allowNull",
  "additionalProperties",
  "dynamic",
  "readOnly",
  "hidden",
  "unsafe_hidden",
] as const;

/** One mistake in a field definition. */
export interface FieldDefinitionIssue {
  /** The field's path among the fields, such as `user.email`. */
  path: string;
  /** The whole message, naming the field and its owner. */
  message: string;
  /** `TypeError` for a property of the wrong type or not allowed, `RangeError` for a value out of range. */
  error: typeof TypeError | typeof RangeError;
}

type Report = (
  ErrorClass: typeof TypeError | typeof RangeError,
  state: string,
) => void;
type Fail = (
  ErrorClass: typeof TypeError | typeof RangeError,
  state: string,
) => never;

// Thrown by a check that cannot go on with the field at hand.
const STOP = Symbol("stop");

/**
 * Checks a set of field definitions (recursively) and throws on the first
 * mistake: an unknown `type`, a property the kind does not accept (`choices`
 * on an object, `minimum` on a boolean), a malformed condition, or a literal
 * `default` that does not fit the field. {@linkcode findFieldDefinitionIssues}
 * lists them all.
 *
 * @param fields The fields, keyed by payload key.
 * @param where Who owns the fields, for messages, e.g. `destination "Acme", action "track"`.
 * @throws {TypeError} When a property has the wrong type or is not allowed on the field's kind.
 * @throws {RangeError} When a value is out of range (unknown format, `minimum` above `maximum`).
 *
 * @example
 * ```ts
 * import { checkFieldDefinitions } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * assert.throws(
 *   () => checkFieldDefinitions({ on: { label: "On", type: "boolean", minimum: 1 } }, 'action "track"'),
 *   /field "on" of action "track": a boolean field cannot have "minimum"/,
 * );
 * ```
 */
export function checkFieldDefinitions(
  fields: InputFields,
  where?: string,
): void {
  const [first] = findFieldDefinitionIssues(fields, where);
  if (first !== undefined) throw new first.error(first.message);
}

/**
 * Returns every mistake in a set of field definitions (recursively), each
 * once, in the order of the fields: what {@linkcode checkFieldDefinitions}
 * throws the first of.
 *
 * @param fields The fields, keyed by payload key.
 * @param where Who owns the fields, for messages, e.g. `destination "Acme", action "track"`.
 *
 * @example
 * ```ts
 * import { findFieldDefinitionIssues } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const issues = findFieldDefinitionIssues({
 *   on: { label: "On", type: "boolean", minimum: 1 },
 *   size: { type: "integer", default: 1.5 },
 * } as never);
 * assert.deepEqual(issues.map((issue) => issue.path), ["on", "size", "size"]);
 * ```
 */
export function findFieldDefinitionIssues(
  fields: InputFields,
  where?: string,
): FieldDefinitionIssue[] {
  const issues: FieldDefinitionIssue[] = [];
  if (!isRecord(fields)) {
    issues.push({
      path: "",
      message: `Cannot use the fields${
        where === undefined ? "" : ` of ${where}`
      }: they are not an object`,
      error: TypeError,
    });
    return issues;
  }
  for (const [key, field] of Object.entries(fields)) {
    checkField(field, key, where, issues);
  }
  return issues;
}

function checkField(
  field: InputField,
  path: string,
  where: string | undefined,
  issues: FieldDefinitionIssue[],
): void {
  const report: Report = (error, state) => {
    issues.push({
      path,
      message: `Cannot use field "${path}"${
        where === undefined ? "" : ` of ${where}`
      }: ${state}`,
      error,
    });
  };
  const fail: Fail = (ErrorClass, state) => {
    report(ErrorClass, state);
    throw STOP;
  };
  try {
    checkFieldAt(field, path, where, issues, report, fail);
  } catch (error) {
    if (error !== STOP) throw error;
  }
}

function checkFieldAt(
  field: InputField,
  path: string,
  where: string | undefined,
  issues: FieldDefinitionIssue[],
  report: Report,
  fail: Fail,
): void {
  if (!isRecord(field)) fail(TypeError, "the definition is not an object");
  if (typeof field.label !== "string") {
    report(TypeError, `"label" must be a string`);
  }
  const kind = getFieldKind(field.type);
  if (kind === undefined) {
    fail(
      TypeError,
      `type ${JSON.stringify(field.type)} is not one of ${
        Object.keys(fieldKinds).join(", ")
      }`,
    );
  }
  for (const constraint of CONSTRAINTS) {
    if (
      field[constraint] !== undefined && !kind.constraints.includes(constraint)
    ) {
      fail(
        TypeError,
        `${
          article(field.type)
        } ${field.type} field cannot have "${constraint}"`,
      );
    }
  }
  for (const flag of FLAGS) {
    if (field[flag] !== undefined && typeof field[flag] !== "boolean") {
      fail(TypeError, `"${flag}" must be a boolean`);
    }
  }
  if (field.format !== undefined && !FORMATS.includes(field.format)) {
    fail(
      RangeError,
      `format ${JSON.stringify(field.format)} is not one of ${
        FORMATS.join(", ")
      }`,
    );
  }
  checkLimits(field, fail);
  // Choices are strings or numbers, as the kind's values are.
  const choiceTypes = kind.jsonTypes.map((type) =>
    type === "integer" ? "number" : type
  );
  checkChoices(field, choiceTypes, fail);
  // Each choice must be a value of the field's type (an integer field's choices are integers).
  const single = { label: field.label, type: field.type };
  for (const choice of field.choices ?? []) {
    const value = isRecord(choice) ? choice.value : choice;
    const problem = findValueProblem(single, value);
    if (problem !== undefined) {
      report(
        TypeError,
        `choice ${JSON.stringify(value)} does not fit the field${problem}`,
      );
    }
  }
  if (field.required !== undefined && typeof field.required !== "boolean") {
    checkConditions(field.required, "required", fail);
  }
  if (field.depends_on !== undefined) {
    checkConditions(field.depends_on, "depends_on", fail);
  }
  if (
    field.schema !== undefined &&
    typeof field.schema?.["~standard"]?.validate !== "function"
  ) {
    fail(
      TypeError,
      `"schema" must be a Standard Schema (a zod schema, for example)`,
    );
  }
  if (field.properties !== undefined) {
    if (!isRecord(field.properties)) {
      fail(TypeError, `"properties" must be an object of fields`);
    }
    for (const [key, member] of Object.entries(field.properties)) {
      checkField(member, `${path}.${key}`, where, issues);
    }
  }
  if (field.default !== undefined && isDirectiveFree(field.default)) {
    const problem = findValueProblem(field, field.default);
    if (problem !== undefined) {
      report(
        TypeError,
        `the default ${
          JSON.stringify(field.default)
        } does not fit the field${problem}`,
      );
    }
  }
}

// Checks a literal value (a default, a choice) as the validator checks a clean value, without
// cleaning or coercing it.
function findValueProblem(
  field: InputField,
  value: unknown,
): string | undefined {
  const root = compileObjectNode({ value: field }, false, allFieldChecks);
  const state: NormalizeState = { warnings: [], issues: [] };
  checkFieldValue(value, root.fields.get("value")!, state);
  // A literal default must fit as written: a coercion does not count.
  const [issue] = state.issues;
  const coerced = state.warnings.find((warning) => warning.kind === "coerced");
  if (issue === undefined && coerced === undefined) return undefined;
  const at = issue === undefined ? coerced!.path : formatPath(issue.path);
  const message = issue?.message ?? coerced!.message;
  return `${at === "" ? "" : ` at ${at}`}: ${message}`;
}

function checkLimits(field: InputField, fail: Fail): void {
  for (
    const name of ["minimum", "maximum", "minLength", "maxLength"] as const
  ) {
    const value = field[name];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      fail(
        TypeError,
        `"${name}" must be a finite number`,
      );
    }
    if (name.endsWith("Length") && (!Number.isInteger(value) || value < 0)) {
      fail(RangeError, `"${name}" must be a whole number, not ${value}`);
    }
  }
  const pairs = [["minimum", "maximum"], ["minLength", "maxLength"]] as const;
  for (const [low, high] of pairs) {
    const min = field[low];
    const max = field[high];
    if (min !== undefined && max !== undefined && min > max) {
      fail(RangeError, `"${low}" (${min}) is above "${high}" (${max})`);
    }
  }
}

function checkChoices(
  field: InputField,
  types: readonly string[],
  fail: Fail,
): void {
  if (field.choices === undefined) return;
  if (!Array.isArray(field.choices)) {
    fail(TypeError, `"choices" must be an array`);
  }
  for (const choice of field.choices) {
    const value = isRecord(choice) ? choice.value : choice;
    if (isRecord(choice) && typeof choice.label !== "string") {
      fail(TypeError, `a choice's "label" must be a string`);
    }
    if (!types.includes(typeof value)) {
      fail(
        TypeError,
        `choice ${JSON.stringify(value)} is not a ${
          types.join(" or ")
        }, as the field's type needs`,
      );
    }
  }
}

function checkConditions(
  conditions: FieldConditions,
  name: string,
  fail: Fail,
): void {
  if (!isRecord(conditions) || !Array.isArray(conditions.conditions)) {
    fail(
      TypeError,
      `"${name}" must be ${
        name === "required" ? "a boolean or " : ""
      }{ conditions: [...] }`,
    );
  }
  if (
    conditions.match !== undefined && conditions.match !== "all" &&
    conditions.match !== "any"
  ) {
    fail(
      RangeError,
      `"${name}.match" must be "all" or "any", not ${
        JSON.stringify(conditions.match)
      }`,
    );
  }
  for (const condition of conditions.conditions) {
    if (
      !isRecord(condition) || typeof condition.fieldKey !== "string" ||
      condition.fieldKey === ""
    ) {
      fail(TypeError, `each condition of "${name}" needs a "fieldKey"`);
    }
    if (condition.operator !== "is" && condition.operator !== "is_not") {
      fail(
        RangeError,
        `the operator of a condition of "${name}" must be "is" or "is_not", not ${
          JSON.stringify(condition.operator)
        }`,
      );
    }
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

// deno-lint-ignore no-explicit-any
function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
