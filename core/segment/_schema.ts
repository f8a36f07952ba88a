// `fieldsToJsonSchema` and `validateSchema` on destkit's field engine: a schema made by
// `fieldsToJsonSchema` remembers its fields, and `validateSchema` validates with them.
import { PayloadValidationError as NativePayloadValidationError } from "../errors.ts";
import {
  allFieldChecks,
  type CompiledFieldChecks,
  compileFieldChecks,
  fieldsToJSONSchema,
  type InputFields,
  type JSONSchema,
  segmentDialect,
} from "../fields/mod.ts";
import { ajvMessages } from "./_ajv_messages.ts";

const fieldsOfSchema = new WeakMap<object, InputFields>();
// Segment's validators, compiled once per fields object: for mapped payloads (empty values
// removed first, as Segment's removeEmptyValues does) and for values as written (settings).
const payloadValidators = new WeakMap<InputFields, CompiledFieldChecks>();
const writtenValidators = new WeakMap<InputFields, CompiledFieldChecks>();

// The one field engine in Segment's dialect. Segment checks no field definitions (its AJV
// reads what it can), so neither does the drop-in: `compileFieldChecks` is the engine
// without `compileFields`'s definition checks.
function segmentValidator(
  fields: InputFields,
  removeEmpty: boolean,
): CompiledFieldChecks {
  const cache = removeEmpty ? payloadValidators : writtenValidators;
  let validator = cache.get(fields);
  if (validator === undefined) {
    validator = compileFieldChecks(fields, {
      ...allFieldChecks,
      dialect: segmentDialect,
      removeEmpty,
    });
    cache.set(fields, validator);
  }
  return validator;
}

/** Segment's JSON Schema URL. */
const SCHEMA_URL = "http://json-schema.org/schema#";

/**
 * Returns the JSON Schema of the payload that `fields` produce, with Segment's `$schema`; the
 * schema can be passed to {@linkcode validateSchema}.
 */
export function fieldsToJsonSchema(
  fields: Record<string, unknown> = {},
): JSONSchema {
  const schema = {
    ...fieldsToJSONSchema(fields as InputFields),
    $schema: SCHEMA_URL,
  };
  fieldsOfSchema.set(schema, fields as InputFields);
  return schema;
}

/** Options for {@linkcode validateSchema}. */
export interface ValidationOptions {
  /** Segment caches compiled schemas under this key; destkit caches per fields object and ignores it. */
  schemaKey?: string;
  /** Whether an invalid object throws. @default {true} */
  throwIfInvalid?: boolean;
  /** Segment's stats sink; ignored. */
  statsContext?: unknown;
  /** Keys left untouched by validation (Segment passes `dynamicAuthSettings`). @default {[]} */
  exempt?: string[];
}

/** Segment's validation error (from AJV): status 400. */
export class AggregateAjvError extends NativePayloadValidationError {
  constructor(message: string) {
    super(message);
    // AJV's error has Segment's status 400 (set by its runtime) and no code.
    const writable = this as unknown as Record<string, unknown>;
    writable.name = "AggregateAjvError";
    writable.code = undefined;
  }
}

/**
 * Validates `payload` against `fields` as Segment's actions do, with the field engine's Segment
 * dialect: empty values removed (unless `removeEmpty` is off), values coerced and limits read
 * as Segment's AJV does,
 * undeclared keys dropped, definitions not checked. Returns the clean payload.
 *
 * @throws {AggregateAjvError} when the payload does not fit the fields, with AJV's messages.
 */
export function validatePayloadOf(
  fields: InputFields,
  payload: unknown,
  removeEmpty = true,
): Record<string, unknown> {
  try {
    return segmentValidator(fields, removeEmpty).validate(payload).payload;
  } catch (error) {
    if (error instanceof NativePayloadValidationError) {
      throw new AggregateAjvError(ajvMessages(fields, payload, error.issues));
    }
    throw error;
  }
}

/**
 * Validates `object` in place against a schema from {@linkcode fieldsToJsonSchema}: coerced and
 * undeclared keys are written back, as AJV does. Returns whether it was valid.
 *
 * @throws {AggregateAjvError} when it is invalid and `throwIfInvalid` is on.
 * @throws {TypeError} for a schema not made by `fieldsToJsonSchema` (destkit validates from fields).
 */
export function validateSchema(
  object: unknown,
  schema: object,
  options: ValidationOptions = {},
): boolean {
  const { throwIfInvalid = true, exempt = [] } = options;
  const fields = fieldsOfSchema.get(schema);
  if (fields === undefined) {
    throw new TypeError(
      "Cannot validate: the schema was not made by fieldsToJsonSchema (destkit validates from field definitions)",
    );
  }
  let clean: Record<string, unknown>;
  try {
    // Segment's validateSchema checks values as written; only actions remove empty ones first.
    clean = validatePayloadOf(fields, object, false);
  } catch (error) {
    if (!throwIfInvalid && error instanceof AggregateAjvError) return false;
    throw error;
  }
  writeBack(object as Record<string, unknown>, clean, fields, exempt);
  return true;
}

/**
 * Writes validation's result into `target` as AJV would: declared keys take their coerced value,
 * undeclared ones go (except `exempt`); keys validation removed as empty stay, as AJV keeps them.
 */
export function writeBack(
  target: Record<string, unknown>,
  clean: Record<string, unknown>,
  fields: InputFields,
  exempt: readonly string[],
): void {
  for (const key of Object.keys(target)) {
    if (exempt.includes(key)) continue;
    if (!Object.hasOwn(fields, key)) delete target[key];
    else if (Object.hasOwn(clean, key)) target[key] = clean[key];
  }
}
