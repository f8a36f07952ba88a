// Whether a default is a literal or (somewhere inside) a mapping directive.

/** Whether a value holds no mapping directive (an object key starting with "@") at any depth. */
export function isDirectiveFree(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isDirectiveFree);
  if (typeof value !== "object" || value === null) return true;
  for (const [key, member] of Object.entries(value)) {
    if (key.startsWith("@") || !isDirectiveFree(member)) return false;
  }
  return true;
}
