// Plain messages for the checks kinds share.

/** Describes a value for a message: strings quoted, others as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  // `== null`: undefined too.
  if (
    typeof value === "number" || typeof value === "boolean" || value == null
  ) {
    return String(value);
  }
  return Array.isArray(value) ? "an array" : "an object";
}

/** The message of a value of the wrong type. */
export function typeMessage(expected: string, value: unknown): string {
  if (value === undefined) return "is required";
  return `must be ${expected}, received ${describeValue(value)}`;
}
