// One action of a definition, checked and compiled once: fields, default mapping, default subscription.
import {
  type CompiledFieldChecks,
  compileFields,
  type InputFields,
} from "../../fields/mod.ts";
import { compileFql } from "../../fql/mod.ts";
import { compileMapping } from "../../mapping/mod.ts";
import type { RequestClient } from "../../request/mod.ts";
import { checkFunction, describe } from "./_definition_checks.ts";
import { messageOf } from "../run/_outcome.ts";
import type { ExecuteInput } from "../types.ts";

/** `perform` and `performBatch`, without the types a definition gives them. */
export type LoosePerform = (
  request: RequestClient,
  data: ExecuteInput<unknown, unknown>,
) => unknown;

/** An action, checked and compiled once. */
export interface CompiledAction {
  name: string;
  title: string;
  /** The payload's validator (Segment's drop-in compiles its own, in Segment's dialect). */
  fields: CompiledFieldChecks;
  perform: LoosePerform;
  performBatch?: LoosePerform;
  /** The fields' `default`s, the mapping a new subscription starts with. */
  defaultMapping: Readonly<Record<string, unknown>>;
  defaultSubscription?: string;
  hidden: boolean;
}

/**
 * Checks action `key` of destination `destination` and compiles it.
 *
 * @throws {TypeError} naming the destination, the action and what is wrong.
 */
export function compileAction(
  destination: string,
  key: string,
  action: Record<string, unknown>,
): CompiledAction {
  const where = `Cannot create destination "${destination}": action "${key}"`;
  if (typeof action !== "object" || action === null) {
    throw new TypeError(`${where} must be an object, got ${describe(action)}`);
  }
  if (typeof action.perform !== "function") {
    throw new TypeError(`${where} has no perform function`);
  }
  checkFunction(where, "performBatch", action.performBatch);
  const fields = (action.fields ?? {}) as InputFields;
  const compiledFields = compileFields(fields, {
    where: `destination "${destination}" action "${key}"`,
  });
  const defaultMapping: Record<string, unknown> = {};
  for (const [field, definition] of Object.entries(fields)) {
    if (definition.default !== undefined) {
      defaultMapping[field] = definition.default;
    }
  }
  try {
    compileMapping(defaultMapping);
  } catch (error) {
    throw new TypeError(
      `${where} has an invalid field default: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const compiled: CompiledAction = {
    name: key,
    title: typeof action.title === "string" ? action.title : key,
    fields: compiledFields,
    perform: action.perform as LoosePerform,
    defaultMapping: Object.freeze(defaultMapping),
    hidden: action.hidden === true,
  };
  if (action.performBatch !== undefined) {
    compiled.performBatch = action.performBatch as LoosePerform;
  }
  const query = action.defaultSubscription;
  if (query !== undefined) {
    if (typeof query !== "string") {
      throw new TypeError(
        `${where} has a defaultSubscription that is not a string: ${
          describe(query)
        }`,
      );
    }
    try {
      compileFql(query);
    } catch (error) {
      throw new TypeError(
        `${where} has an invalid defaultSubscription: ${messageOf(error)}`,
        { cause: error },
      );
    }
    compiled.defaultSubscription = query;
  }
  return compiled;
}

/**
 * Returns action `name` of a definition another runtime checks (Segment's drop-in): its
 * definition is not checked, and `fields` (compiled in that runtime's dialect) validates
 * its payloads.
 */
export function adoptAction(
  name: string,
  action: { perform?: unknown; performBatch?: unknown },
  fields: CompiledFieldChecks,
): CompiledAction {
  const adopted: CompiledAction = {
    name,
    title: name,
    fields,
    perform: action.perform as LoosePerform,
    defaultMapping: {},
    hidden: false,
  };
  if (action.performBatch !== undefined) {
    adopted.performBatch = action.performBatch as LoosePerform;
  }
  return adopted;
}
