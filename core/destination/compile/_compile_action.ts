// One action of a definition, checked and compiled once: fields, default mapping, default subscription.
import type { CompiledFieldChecks, InputFields } from "../../fields/mod.ts";
import { compileFql } from "../../fql/mod.ts";
import { compileMapping } from "../../mapping/mod.ts";
import type { RequestClient } from "../../request/mod.ts";
import {
  checkFunction,
  compileFieldsOrReport,
  describe,
  type ReportIssue,
  throwIssue,
} from "./_definition_checks.ts";
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
 * Checks action `key` of destination `destination` and compiles it. Each mistake goes to
 * `report`; when `report` returns rather than throws, the checks go on and the result is
 * undefined if the action cannot be compiled.
 */
export function compileAction(
  destination: string,
  key: string,
  action: Record<string, unknown>,
  report: ReportIssue = throwIssue,
): CompiledAction | undefined {
  const where = `Cannot create destination "${destination}": action "${key}"`;
  const path = `actions.${key}`;
  const at = { destination, action: key };
  // Any issue leaves the action uncompiled, so that nothing built on it (a preset taking
  // its default mapping) reports the same mistake again.
  let sound = true;
  const fail = (reason: string, suffix = "", cause?: unknown): void => {
    sound = false;
    report({
      ...at,
      path: `${path}${suffix}`,
      message: `${where} ${reason}`,
      reason: cause === undefined ? reason : messageOf(cause),
      error: TypeError,
      ...(cause === undefined ? {} : { cause }),
    });
  };
  if (typeof action !== "object" || action === null) {
    fail(`must be an object, got ${describe(action)}`);
    return undefined;
  }
  if (typeof action.perform !== "function") {
    fail("has no perform function", ".perform");
  }
  checkFunction(where, "performBatch", action.performBatch, report, {
    ...at,
    path: `${path}.performBatch`,
  });
  const fields = (action.fields ?? {}) as InputFields;
  const compiledFields = compileFieldsOrReport(
    fields,
    `destination "${destination}" action "${key}"`,
    `${path}.fields`,
    report,
    at,
  );
  if (compiledFields === undefined) sound = false;
  const defaultMapping: Record<string, unknown> = {};
  if (isRecord(fields)) {
    for (const [field, definition] of Object.entries(fields)) {
      if (definition?.default !== undefined) {
        defaultMapping[field] = definition.default;
      }
    }
  }
  try {
    compileMapping(defaultMapping);
  } catch (error) {
    fail(
      `has an invalid field default: ${messageOf(error)}`,
      ".fields",
      error,
    );
  }
  const query = action.defaultSubscription;
  if (query !== undefined) {
    if (typeof query !== "string") {
      fail(
        `has a defaultSubscription that is not a string: ${describe(query)}`,
        ".defaultSubscription",
      );
    } else {
      try {
        compileFql(query);
      } catch (error) {
        fail(
          `has an invalid defaultSubscription: ${messageOf(error)}`,
          ".defaultSubscription",
          error,
        );
      }
    }
  }
  if (!sound || compiledFields === undefined) return undefined;
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
  if (typeof query === "string") compiled.defaultSubscription = query;
  return compiled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
