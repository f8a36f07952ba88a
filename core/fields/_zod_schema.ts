// The zod schema of a payload, for users who want a Standard Schema: it runs the one
// validator (it never decides anything itself) and reports its issues as zod issues.
import * as z from "zod/mini";
import type { ZodMiniType } from "zod/mini";
import { PayloadValidationError } from "../errors.ts";
import type { ValidationResult } from "./compile_field_checks.ts";

/** Wraps a validator in a zod schema whose output is the clean payload. */
export function toZodSchema(
  validate: (payload: unknown) => ValidationResult,
): ZodMiniType<Record<string, unknown>> {
  return z.custom<Record<string, unknown>>().check(z.check((context) => {
    try {
      context.value = validate(context.value).payload;
    } catch (error) {
      if (!(error instanceof PayloadValidationError)) throw error;
      for (const issue of error.issues) {
        context.issues.push({
          code: "custom",
          message: issue.message,
          input: context.value,
          path: parsePath(issue.path),
        });
      }
    }
  }));
}

// "items[2].price" -> ["items", 2, "price"]
function parsePath(path: string): PropertyKey[] {
  const parts: PropertyKey[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] === undefined ? match[1] : Number(match[2]));
  }
  return parts;
}
