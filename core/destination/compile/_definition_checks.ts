// The checks a definition goes through once, and how their messages describe a value.

/**
 * Checks that `value`, at `key` of a definition, is a function when given.
 *
 * @throws {TypeError} naming `where` and `key`.
 */
export function checkFunction(
  where: string,
  key: string,
  value: unknown,
): void {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(
      `${where}: "${key}" must be a function, got ${describe(value)}`,
    );
  }
}

/** Describes a value for an error message: a string quoted, else its kind. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
