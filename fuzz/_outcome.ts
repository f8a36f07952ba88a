// How the campaign classifies what one input did.
import { IntegrationError, ValidationError } from "@destkit/core";

/** What one input did: ran fine, failed with a library error, or failed otherwise. */
export type OutcomeKind = "ok" | "typed" | "untyped";

/** The outcome of one input. */
export interface Outcome {
  kind: OutcomeKind;
  /** For untyped failures: a short, stable description used to group them. */
  signature?: string;
  /** For untyped failures: the full description. */
  message?: string;
}

/** The outcome of an input that ran fine. */
export const OK: Outcome = { kind: "ok" };

/** The outcome of an input that failed with one of the library's errors. */
export const TYPED: Outcome = { kind: "typed" };

/** Returns an untyped failure: `signature` groups failures of the same defect. */
export function untyped(signature: string, message = signature): Outcome {
  return { kind: "untyped", signature: normalize(signature), message };
}

/** Returns whether `error` is one of the library's typed errors. */
export function isTypedError(error: unknown): boolean {
  if (error instanceof AggregateError) {
    return error.errors.length > 0 && error.errors.every(isTypedError);
  }
  return error instanceof IntegrationError || error instanceof ValidationError;
}

/** Classifies a thrown value: typed, or an untyped failure naming its class and message. */
export function classifyThrown(error: unknown, where: string): Outcome {
  if (isTypedError(error)) return TYPED;
  const text = describe(error);
  return untyped(`${where} threw ${text}`);
}

/** Describes any value in one line without ever throwing. */
export function describe(value: unknown): string {
  try {
    if (value instanceof Error) {
      return `${value.name}: ${value.message}`;
    }
    if (typeof value === "string") return `string ${JSON.stringify(value)}`;
    return `${typeof value} ${Deno.inspect(value, { depth: 2 })}`;
  } catch {
    return "an undescribable value";
  }
}

/** Returns `text` cut to `max` characters, with an ellipsis when cut. */
export function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

// Groups messages that differ only in numbers, quoted values or length.
function normalize(text: string): string {
  return clip(
    text.replace(/"(?:[^"\\]|\\.){0,200}"/g, '"…"').replace(/\d+/g, "N"),
    160,
  );
}
