// Conversions of event values that the engine may refuse (an own `toString` key that is not a function).
import { MappingValueError } from "./mapping_value_error.ts";

/** Returns what `run` returns, or throws a `MappingValueError` naming `where` and what it could not `do`. */
export function converted<T>(run: () => T, where: string, action: string): T {
  try {
    return run();
  } catch (cause) {
    throw new MappingValueError(
      `Cannot resolve mapping: ${where} cannot ${action}: ${
        (cause as Error)?.message
      }`,
      { cause },
    );
  }
}
