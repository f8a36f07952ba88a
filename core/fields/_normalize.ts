// Cleans and coerces a payload as Segment does (removeEmptyValues, then AJV with
// coerceTypes "array" and removeAdditional), recording every change as a warning.
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
  FieldKind,
  FormatChecks,
  ValueCheck,
} from "./kinds/field_kind.ts";
import { describeValue } from "./kinds/_messages.ts";
import { formatPath } from "./_requirement_issues.ts";
import type { PathIssue } from "./_check_payload.ts";

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
  /** Whether one clean value (an item, for `multiple`) passes the field's checks. */
  accepts: (value: unknown) => boolean;
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

/** Runs a Standard Schema on a value: returns its output, or the value after adding its issues. */
export type StandardSchemaRunner = (
  schema: StandardSchemaV1,
  value: unknown,
  path: readonly PropertyKey[],
  issues: PathIssue[],
) => unknown;

/** What fields compile with: the kinds, formats and optional features a validator carries. */
export interface NodeSupport {
  kinds: Readonly<Record<string, FieldKind>>;
  formats: FormatChecks;
  dialect: FieldDialect | undefined;
  /** Runs a field's Standard Schema; without it, a field with `schema` is refused. */
  runSchema?: StandardSchemaRunner;
  /** Whether `required: { conditions }` is supported; without it, such a field is refused. */
  conditions: boolean;
}

/** An object of fields, compiled for normalising. */
export interface ObjectNode {
  fields: ReadonlyMap<string, FieldNode>;
  additional: boolean;
  required: readonly string[];
}

/** What one normalisation collects: the warnings, and whether every check passed. */
export interface NormalizeState {
  warnings: ValidationWarning[];
  /** False once a value fails a check; the caller then asks zod for the issues. */
  valid: boolean;
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
        `Cannot compile field "${key}": type ${
          JSON.stringify(field.type)
        } is not among the kinds given (${
          Object.keys(support.kinds).join(", ") || "none"
        })`,
      );
    }
    if (
      (field.schema !== undefined && support.runSchema === undefined) ||
      (typeof field.required === "object" && !support.conditions)
    ) {
      throw new TypeError(
        `Cannot compile field "${key}": it uses a schema or conditions in required, which this validator leaves out`,
      );
    }
    const jsonTypes = kind.jsonTypes;
    if (field.required === true) required.push(key);
    const kindCheck = kind.check(field, {
      formats: support.formats,
      dialect: support.dialect,
      item: multiple,
    });
    const hasType = toAccepts(kindCheck);
    const choiceList = field.choices === undefined
      ? undefined
      : choiceValues(field.choices);
    const choices = choiceList === undefined
      ? undefined
      : new Set<unknown>(choiceList);
    const allowNull = field.allowNull === true;
    const nullable = allowNull && !multiple;
    const check = field.properties === undefined ? kindCheck : undefined;
    nodes.set(key, {
      accepts: (value) =>
        (nullable && value === null) ||
        (hasType(value) && (choices === undefined || choices.has(value))),
      nullable,
      check(value, messages) {
        if (check !== undefined && check(value, messages)) return true;
        if (choices !== undefined && !choices.has(value)) {
          messages.push(choicesMessage(choiceList!, value));
        }
        return false;
      },
      schema: field.schema,
      runSchema: field.schema === undefined ? undefined : support.runSchema,
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

// Checks push messages only on failure, so one scratch array serves every fast test.
const scratch: string[] = [];

// A fast test of one clean value: whether `check` finds nothing wrong.
function toAccepts(check: ValueCheck): (value: unknown) => boolean {
  return (value) => {
    if (check(value, scratch)) {
      scratch.length = 0;
      return false;
    }
    // Setting the length is slow even when it does not change.
    if (scratch.length === 0) return true;
    scratch.length = 0;
    return false;
  };
}

/** Returns the payload cleaned and coerced; the input is never changed (copies are made on write). */
export function normalizePayload(
  payload: unknown,
  root: ObjectNode,
  state: NormalizeState,
): unknown {
  if (isPlainValueObject(payload)) {
    return normalizeObject(payload, root, [], true, true, state);
  }
  state.valid = false;
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
    if (result[key] === undefined) state.valid = false;
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
        state.valid = false;
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
  // A value the field accepts has one of its types: nothing to coerce.
  if (field.members === undefined && field.accepts(current)) return current;
  let membersClean = clean;
  if (!hasJSONType(current, field.types)) {
    const coercion = coerceToJSONTypes(current, field.types);
    if (coercion.value === NO_COERCION) {
      state.valid = false;
      return current;
    }
    warn(state, path, coercionMessage(current, coercion.value), "coerced");
    current = coercion.value;
    // Segment's removeEmptyValues does not reach into an array it keeps.
    if (coercion.unwrapped) membersClean = false;
  }
  if (field.members !== undefined && isPlainValueObject(current)) {
    current = normalizeObject(
      current,
      field.members,
      path,
      membersClean,
      false,
      state,
    );
  } else if (!field.accepts(current)) {
    state.valid = false;
  }
  return current;
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
      kept ??= items.slice(0, index);
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
    let next = item;
    path.push(index);
    if (!hasJSONType(next, types)) {
      const coercion = coerceToJSONTypes(next, types);
      if (coercion.value !== NO_COERCION) {
        warn(state, path, coercionMessage(next, coercion.value), "coerced");
        next = coercion.value;
      }
    }
    if (field.members !== undefined && isPlainValueObject(next)) {
      next = normalizeObject(next, field.members, path, false, false, state);
    } else if (!field.accepts(next)) {
      state.valid = false;
    }
    path.pop();
    if (next === item) continue;
    copy ??= items.slice();
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
