// Checks a clean payload (after normalising) against the compiled fields: every issue, in
// the order of the fields, and the payload with Standard Schema outputs.
import type { FieldIssue } from "../errors.ts";
import { isPlainValueObject } from "./_json_types.ts";
import type { FieldNode, ObjectNode } from "./_normalize.ts";
import { formatPath } from "./_requirement_issues.ts";
import { typeMessage } from "./kinds/_messages.ts";

type Path = readonly PropertyKey[];

/** An issue at a path of keys and item indices. */
export interface PathIssue {
  path: Path;
  message: string;
  /** Whether the issue stops the checks that follow on the same value. */
  aborts: boolean;
}

/** What {@linkcode checkPayload} returns: the issues, and the payload with Standard Schema outputs. */
export interface PayloadCheck {
  issues: FieldIssue[];
  payload: unknown;
}

/** Checks a normalised payload against compiled fields, collecting every issue. */
export function checkPayload(payload: unknown, root: ObjectNode): PayloadCheck {
  const issues: PathIssue[] = [];
  const checked = checkMembers(payload, root, [], issues);
  return {
    issues: issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    })),
    payload: checked,
  };
}

function checkMembers(
  value: unknown,
  node: ObjectNode,
  path: Path,
  issues: PathIssue[],
): unknown {
  if (!isPlainValueObject(value)) {
    issues.push({
      path,
      message: typeMessage("an object", value),
      aborts: true,
    });
    return value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of node.fields) {
    const member = value[key];
    if (member === undefined && !node.required.includes(key)) continue;
    const next = checkField(member, field, [...path, key], issues);
    if (next === member) continue;
    copy ??= { ...value };
    copy[key] = next;
  }
  return copy ?? value;
}

function checkField(
  value: unknown,
  field: FieldNode,
  path: Path,
  issues: PathIssue[],
): unknown {
  if (field.nullable && value === null) return value;
  if (field.itemTypes === undefined) {
    return checkValue(value, field, path, issues);
  }
  if (!Array.isArray(value)) {
    issues.push({
      path,
      message: typeMessage("an array", value),
      aborts: true,
    });
    return value;
  }
  let copy: unknown[] | undefined;
  for (let index = 0; index < value.length; index++) {
    const item = value[index];
    const next = checkValue(item, field, [...path, index], issues);
    if (next === item) continue;
    copy ??= value.slice();
    copy[index] = next;
  }
  return copy ?? value;
}

// The kind's checks (or the members'), then choices, then the Standard Schema: a check
// runs unless an earlier issue on the same value aborts.
function checkValue(
  value: unknown,
  field: FieldNode,
  path: Path,
  issues: PathIssue[],
): unknown {
  const start = issues.length;
  let current = value;
  if (field.members !== undefined) {
    current = checkMembers(value, field.members, path, issues);
  }
  if (field.members === undefined || !isAborted(issues, start)) {
    const messages: string[] = [];
    const aborts = field.check(current, messages);
    for (const message of messages) issues.push({ path, message, aborts });
  }
  if (field.runSchema === undefined || isAborted(issues, start)) {
    return current;
  }
  return field.runSchema(field.schema!, current, path, issues);
}

function isAborted(issues: readonly PathIssue[], start: number): boolean {
  for (let index = start; index < issues.length; index++) {
    if (issues[index].aborts) return true;
  }
  return false;
}
