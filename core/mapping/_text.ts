// Turning event values into text without letting the engine's TypeError escape.
import { MappingValueError } from "./mapping_value_error.ts";

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : "it cannot be converted";
}

/** Returns `String(value)`, or throws a `MappingValueError` naming `where` when the value cannot become text. */
export function textOf(value: unknown, where: string): string {
  try {
    return String(value);
  } catch (cause) {
    throw new MappingValueError(
      `Cannot resolve mapping: ${where} cannot turn a value into text: ${
        reasonOf(cause)
      }`,
      { cause },
    );
  }
}

/** Returns Segment's loose `value != ""`, or throws a `MappingValueError` naming `where` when the value cannot be compared. */
export function isNotLooselyEmpty(value: unknown, where: string): boolean {
  try {
    // deno-lint-ignore eqeqeq
    return value != "";
  } catch (cause) {
    throw new MappingValueError(
      `Cannot resolve mapping: ${where} cannot compare a value with "": ${
        reasonOf(cause)
      }`,
      { cause },
    );
  }
}
