// Cleans, coerces and checks a payload in one walk, as Segment does (removeEmptyValues,
// then AJV with coerceTypes "array" and removeAdditional), recording every change as a
// warning and every failed check as an issue.
import {
  coerceToJSONTypes,
  hasJSONType,
  isPlainValueObject,
  NO_COERCION,
} from "./_json_types.ts";
import type { JSONType } from "./_json_types.ts";
import type { InputFields } from "./input_field.ts";
import type { StandardSchemaV1 } from "./_standard_schema.ts";
import { choiceValues } from "./_choices.ts";
import type {
  FieldDialect,
  FieldKindCheck,
  FormatChecks,
  ValueCheck,
} from "./kinds/field_kind.ts";
import { describeValue, typeMessage } from "./kinds/_messages.ts";
import { formatPath } from "./_format_path.ts";

/** An issue at a path of keys and item indices. */
export interface PathIssue {
  path: readonly PropertyKey[];
  message: string;
  /** Whether the issue stops the checks that follow on the same value. */
  aborts: boolean;
}

/** A removal or coercion made while validating a payload. */
export interface ValidationWarning {
  /** The path changed, such as `properties.items[2].price`. */
  path: string;
  /** What was done, in plain words. */
  message: string;
  /** Whether the value was removed or converted. */
  kind: "removed" | "coerced";
}

/** One field, compiled for normalising. */
export interface FieldNode {
  /** The JSON types of a value: with "null" when allowed; ["array"] when `multiple`. */
  types: readonly JSONType[];
  /** The JSON types of each item of a `multiple` field. */
  itemTypes: readonly JSONType[] | undefined;
  /** The members of an object field with `properties`. */
  members: ObjectNode | undefined;
  /** Whether `null` is a value (not for `multiple`). */
  nullable: boolean;
  /**
   * Reports the checks one clean value (not null, an item for `multiple`)
   * fails: the kind's, unless the field has members, then the choices.
   */
  check: ValueCheck;
  /** The field's Standard Schema, run after the other checks pass. */
  schema: StandardSchemaV1 | undefined;
  /** Runs `schema` (given when the field has one). */
  runSchema: StandardSchemaRunner | undefined;
}

/**
 * Runs a Standard Schema on a value: returns its output, or the value after adding its issues.
 * The issues from index `from` on are the value's own: when one of them aborts, the schema
 * is not run and the value is returned.
 */
export type StandardSchemaRunner = (
  schema: StandardSchemaV1,
  value: unknown,
  path: readonly PropertyKey[],
  issues: PathIssue[],
  from: number,
) => unknown;

/** What fields compile with: the kinds, formats and optional features a validator carries. */
export interface NodeSupport {
  kinds: Readonly<Record<string, FieldKindCheck>>;
  formats?: FormatChecks;
  dialect?: FieldDialect;
  /** Runs a field's Standard Schema; without it, a field with `schema` is refused. */
  runSchema?: StandardSchemaRunner;
  /** Given when `required: { conditions }` is supported; without it, such a field is refused. */
  requirements?: unknown;
}

/** An object of fields, compiled for normalising. */
export interface ObjectNode {
  fields: ReadonlyMap<string, FieldNode>;
  additional: boolean;
  required: readonly string[];
}

/** What one normalisation collects: the warnings and the issues. */
export interface NormalizeState {
  warnings: ValidationWarning[];
  issues: PathIssue[];
  /**
   * When set, receives each top-level value after empty values are removed and
   * before coercion: what Segment's dependent `required` conditions read.
   */
  received?: Record<string, unknown>;
}

const REMOVE: unique symbol = Symbol("remove");

/** Compiles fields into the tree the normaliser walks. */
export function compileObjectNode(
  fields: InputFields,
  additional: boolean,
  support: NodeSupport,
): ObjectNode {
  const nodes = new Map<string, FieldNode>();
  const required: string[] = [];
  for (const [key, defined] of Object.entries(fields)) {
    const multiple = defined.multiple === true;
    const field = support.dialect?.readField(defined, multiple) ?? defined;
    const kind = Object.hasOwn(support.kinds, field.type)
      ? support.kinds[field.type]
      : undefined;
    if (kind === undefined) {
      throw new TypeError(
        `Cannot compile field "${key}": type "${field.type}" is not among the kinds given`,
      );
    }
    if (
      (field.schema !== undefined && support.runSchema === undefined) ||
      (typeof field.required === "object" && !support.requirements)
    ) {
      throw new TypeError(
        `Cannot compile field "${key}": its schema or conditions are left out`,
      );
    }
    const jsonTypes = kind.jsonTypes;
    if (field.required === true) required.push(key);
    const kindCheck = kind.check(field, support, multiple);
    const choices = field.choices === undefined
      ? undefined
      : choiceValues(field.choices);
    const allowNull = field.allowNull === true;
    const nullable = allowNull && !multiple;
    nodes.set(key, {
      nullable,
      // The kind's check itself when there are no choices: one call less per value. (A field
      // with members is never checked by its kind: checkValue walks the members instead.)
      check: choices === undefined ? kindCheck : (value, messages) => {
        if (kindCheck(value, messages)) return true;
        if (!(choices as unknown[]).includes(value)) {
          messages.push(choicesMessage(choices, value));
        }
        return false;
      },
      schema: field.schema,
      runSchema: field.schema && support.runSchema,
      types: multiple
        ? ["array"]
        : allowNull
        ? [...jsonTypes, "null"]
        : jsonTypes,
      itemTypes: multiple ? jsonTypes : undefined,
      members: field.properties === undefined ? undefined : compileObjectNode(
        field.properties,
        field.additionalProperties === true,
        support,
      ),
    });
  }
  return { fields: nodes, additional, required };
}

// Checks push messages only on failure, so one array serves every check.
const scratch: string[] = [];

/**
 * Returns the payload cleaned (unless `clean` is off) and coerced; the input is never changed
 * (copies are made on write).
 */
export function normalizePayload(
  payload: unknown,
  root: ObjectNode,
  state: NormalizeState,
  clean = true,
): unknown {
  if (isPlainValueObject(payload)) {
    return normalizeObject(payload, root, [], clean, true, state);
  }
  fail(state, [], typeMessage("an object", payload), true);
  return payload;
}

// `path` holds the keys and item indices down to the value at hand: it is pushed
// and popped as the walk goes, and joined into text only for a warning.
function warn(
  state: NormalizeState,
  path: readonly PropertyKey[],
  message: string,
  kind: ValidationWarning["kind"],
): void {
  state.warnings.push({ path: formatPath(path), message, kind });
}

function fail(
  state: NormalizeState,
  path: readonly PropertyKey[],
  message: string,
  aborts: boolean,
): void {
  state.issues.push({ path: [...path], message, aborts });
}

function normalizeObject(
  object: Record<string, unknown>,
  node: ObjectNode,
  path: PropertyKey[],
  clean: boolean,
  isRoot: boolean,
  state: NormalizeState,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const field = node.fields.get(key);
    let next: unknown;
    path.push(key);
    if (field !== undefined) {
      next = normalizeField(value, field, path, clean, isRoot, state);
    } else if (node.additional) {
      next = value;
    } else {
      next = REMOVE;
      if (value !== undefined) {
        warn(state, path, "removed: not a declared field", "removed");
      }
    }
    path.pop();
    if (next === value) continue;
    copy ??= { ...object };
    if (next === REMOVE) delete copy[key];
    else copy[key] = next;
  }
  const result = copy ?? object;
  for (const key of node.required) {
    if (result[key] === undefined) {
      fail(state, [...path, key], "is required", true);
    }
  }

  return result;
}

function normalizeField(
  value: unknown,
  field: FieldNode,
  path: PropertyKey[],
  clean: boolean,
  isRoot: boolean,
  state: NormalizeState,
): unknown {
  if (value === undefined) return REMOVE;
  let current: unknown = value;
  if (Array.isArray(current) && field.itemTypes !== undefined) {
    current = removeEmptyItems(current, field.itemTypes, path, clean, state);
  } else if (clean) {
    if (current === null && !field.types.includes("null")) {
      warn(state, path, "removed: null is not allowed", "removed");
      return REMOVE;
    } else if (current === "" && (isRoot || !field.types.includes("string"))) {
      warn(state, path, "removed: empty string", "removed");
      return REMOVE;
    }
  }
  // At the root the path is the key alone.
  const received = isRoot ? state.received : undefined;
  if (field.itemTypes !== undefined) {
    if (!Array.isArray(current)) {
      // At the root Segment wraps any value (arrifyFields); below it AJV wraps scalars only.
      if (!isRoot && typeof current === "object" && current !== null) {
        fail(state, path, typeMessage("an array", current), true);
        return current;
      }
      warn(
        state,
        path,
        `coerced ${describeValue(current)} to an array of one`,
        "coerced",
      );
      current = [current];
    }
    if (received !== undefined) received[path[0] as string] = current;
    return normalizeItems(current as unknown[], field, path, state);
  }
  if (received !== undefined) received[path[0] as string] = current;
  // A value the check passes has one of the field's types: nothing to coerce or report.
  if (
    field.members === undefined && field.runSchema === undefined &&
    isAccepted(current, field)
  ) return current;
  return coerceAndCheck(current, field.types, field, path, clean, state);
}

// Whether the field's check passes a value; what it reported is dropped (the caller checks again).
function isAccepted(value: unknown, field: FieldNode): boolean {
  if (!field.check(value, scratch) && scratch.length === 0) return true;
  scratch.length = 0;
  return false;
}

// Coerces a value that has none of `types` as AJV does, then checks it.
function coerceAndCheck(
  value: unknown,
  types: readonly JSONType[],
  field: FieldNode,
  path: PropertyKey[],
  clean: boolean,
  state: NormalizeState,
): unknown {
  let current = value;
  let membersClean = clean;
  if (!hasJSONType(current, types)) {
    const coercion = coerceToJSONTypes(current, types);
    if (coercion.value !== NO_COERCION) {
      warn(state, path, coercionMessage(current, coercion.value), "coerced");
      current = coercion.value;
      // Segment's removeEmptyValues does not reach into an array it keeps.
      membersClean = clean && !coercion.unwrapped;
    }
  }
  return checkValue(current, field, path, membersClean, state);
}

/**
 * Checks a value as written against one compiled field, cleaning nothing at
 * its level (a field's literal `default`): issues and coercions go to `state`.
 */
export function checkFieldValue(
  value: unknown,
  field: FieldNode,
  state: NormalizeState,
): void {
  if (field.itemTypes === undefined) {
    checkValue(value, field, [], false, state);
  } else if (Array.isArray(value)) {
    normalizeItems(value, field, [], state);
  } else {
    fail(state, [], typeMessage("an array", value), true);
  }
}

// Checks one clean value (an item, for `multiple`): its members, or its kind's checks and
// choices; then its Standard Schema, unless an earlier issue on the value aborts.
function checkValue(
  value: unknown,
  field: FieldNode,
  path: PropertyKey[],
  clean: boolean,
  state: NormalizeState,
): unknown {
  if (field.nullable && value === null) return value;
  const start = state.issues.length;
  let current = value;
  if (field.members === undefined) {
    const aborts = field.check(current, scratch);
    if (scratch.length > 0) {
      for (const message of scratch) fail(state, path, message, aborts);
      // Emptied only when used: setting the length is slow even when it does not change.
      scratch.length = 0;
    }
  } else if (isPlainValueObject(current)) {
    current = normalizeObject(
      current,
      field.members,
      path,
      clean,
      false,
      state,
    );
  } else {
    fail(state, path, typeMessage("an object", current), true);
  }
  return field.runSchema === undefined
    ? current
    : field.runSchema(field.schema!, current, path, state.issues, start);
}

// Items that resolved to nothing (a mapping's missing path) are always dropped, as Segment's
// JSON round trip and removeEmptyValues do; null and "" items only where values are cleaned.
function removeEmptyItems(
  items: unknown[],
  types: readonly JSONType[],
  path: PropertyKey[],
  clean: boolean,
  state: NormalizeState,
): unknown[] {
  let kept: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const isEmpty = item === undefined ||
      (clean && (item === null || (item === "" && !types.includes("string"))));
    if (isEmpty) {
      path.push(index);
      warn(
        state,
        path,
        `removed: ${
          item === undefined
            ? "item that resolved to nothing"
            : item === null
            ? "null item"
            : "empty string item"
        }`,
        "removed",
      );
      path.pop();
      // Not `items.slice`: an array may have no prototype.
      kept ??= Array.prototype.slice.call(items, 0, index);
    } else if (kept !== undefined) {
      kept.push(item);
    }
  }
  return kept ?? items;
}

function normalizeItems(
  items: unknown[],
  field: FieldNode,
  path: PropertyKey[],
  state: NormalizeState,
): unknown[] {
  const types = field.itemTypes as readonly JSONType[];
  let copy: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    path.push(index);
    const next = coerceAndCheck(item, types, field, path, false, state);
    path.pop();
    if (next === item) continue;
    copy ??= Array.prototype.slice.call(items);
    copy[index] = next;
  }
  return copy ?? items;
}

function choicesMessage(
  choices: readonly unknown[],
  value: unknown,
): string {
  const list = choices.map((choice) => JSON.stringify(choice)).join(", ");
  return `must be one of ${list}, received ${describeValue(value)}`;
}

function coercionMessage(from: unknown, to: unknown): string {
  return `coerced ${describeValue(from)} to ${describeValue(to)}`;
}
