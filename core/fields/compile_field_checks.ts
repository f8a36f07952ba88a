import { PayloadValidationError } from "../errors.ts";
import { formatPath } from "./_format_path.ts";
import { compileObjectNode, normalizePayload } from "./_normalize.ts";
import type {
  NormalizeState,
  ObjectNode,
  StandardSchemaRunner,
  ValidationWarning,
} from "./_normalize.ts";
import type {
  DependentRequirements,
  FindMissingRequirements,
} from "./dependent_requirements.ts";
import type { InputFields } from "./input_field.ts";
import type {
  FieldDialect,
  FieldKindCheck,
  FormatChecks,
} from "./kinds/field_kind.ts";

export type { StandardSchemaRunner, ValidationWarning } from "./_normalize.ts";

/** What validating a payload returns: the clean payload and what was changed to get it. */
export interface ValidationResult {
  /** The payload, cleaned and coerced (the input itself when nothing changed). */
  payload: Record<string, unknown>;
  /** Every removal and coercion, with its path. */
  warnings: ValidationWarning[];
}

/**
 * What a validator is built with: the field kinds and string formats it
 * knows, whose rules it follows, and the optional features its fields use.
 * Everything is passed in, so a bundle carries only what it imports.
 */
export interface CompileFieldChecksOptions {
  /** The field kinds, keyed by the `type` that selects each. */
  kinds: Readonly<Record<string, FieldKindCheck>>;
  /** The string format checks, by format name. @default {{}} */
  formats?: FormatChecks;
  /**
   * How definitions are read: without one, destkit's rules (every change
   * reported, Segment's defects fixed: see `core/fields/README.md`);
   * `segmentDialect` decides, coerces and removes as Segment's AJV does.
   * @default {undefined}
   */
  dialect?: FieldDialect;
  /** Dependent `required` support (`dependentRequirements`); needed when a field is required by conditions. @default {undefined} */
  requirements?: DependentRequirements;
  /** Runs a field's Standard Schema (`runStandardSchema`); needed when a field has `schema`. @default {undefined} */
  runSchema?: StandardSchemaRunner;
  /**
   * Whether empty values (`""`, `null` where not allowed, items that resolved to nothing)
   * are removed before the checks, as for a mapped payload; off, values are checked as
   * written, as Segment validates a destination's settings.
   * @default {true}
   */
  removeEmpty?: boolean;
}

/** Fields compiled once into a validator. */
export interface CompiledFieldChecks {
  /** The fields as defined. */
  readonly fields: InputFields;
  /**
   * Cleans, coerces and checks a payload; it never changes its argument.
   *
   * @throws {PayloadValidationError} Listing every failing path.
   */
  validate(payload: unknown): ValidationResult;
}

/**
 * Compiles fields once into a validator: the one decision procedure of
 * payload validation, used by the server (`compileFields`), the browser
 * runtime and the Segment drop-ins. Values are cleaned and coerced as
 * Segment's actions-core does, each change is reported as a warning, and each
 * value is checked by its field's kind. It does not check the definitions
 * (see {@linkcode checkFieldDefinitions}).
 *
 * @param fields The fields, keyed by payload key.
 * @param options The kinds, formats, dialect and features to build with.
 * @throws {TypeError} When a field's `type`, format or feature is not among those given.
 *
 * @example
 * ```ts
 * import { compileFieldChecks, integerKind } from "@destkit/core/engine";
 * import assert from "node:assert/strict";
 *
 * const checks = compileFieldChecks(
 *   { count: { label: "Count", type: "integer", required: true } },
 *   { kinds: { integer: integerKind } },
 * );
 * const { payload, warnings } = checks.validate({ count: "5" });
 * assert.deepEqual(payload, { count: 5 });
 * assert.deepEqual(warnings, [{ path: "count", message: 'coerced "5" to 5', kind: "coerced" }]);
 * assert.throws(() => checks.validate({ count: 1.5 }), /count: must be an integer, received 1.5/);
 * ```
 */
export function compileFieldChecks(
  fields: InputFields,
  options: CompileFieldChecksOptions,
): CompiledFieldChecks {
  const root = compileObjectNode(fields, false, options);
  const findMissing = options.requirements?.compile(fields);
  // `removeEmpty` defaults to true in normalizePayload (its `clean`).
  const { removeEmpty } = options;
  return {
    fields,
    validate: (payload) =>
      validateWith(payload, root, findMissing, removeEmpty),
  };
}

function validateWith(
  payload: unknown,
  root: ObjectNode,
  findMissing: FindMissingRequirements | undefined,
  removeEmpty: boolean | undefined,
): ValidationResult {
  const state: NormalizeState = { warnings: [], issues: [] };
  if (findMissing !== undefined) state.received = {};
  const normalized = normalizePayload(payload, root, state, removeEmpty);
  const issues = state.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  if (findMissing !== undefined) {
    issues.push(...findMissing(state.received!, normalized));
  }
  if (issues.length > 0) throw new PayloadValidationError(issues);
  return {
    payload: normalized as Record<string, unknown>,
    warnings: state.warnings,
  };
}
