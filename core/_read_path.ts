// Reading a path of keys through own properties: one rule for the mapping
// language's paths and FQL's, so each bundle carries it once.

/**
 * Follows `segments` from `data`; a falsy value on the way is returned as is.
 * Inherited members (`__proto__`, `constructor`, `toString`, ...) read as undefined.
 */
export function readPath(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (let index = 0; index < segments.length; index++) {
    if (!current) return current;
    const type = typeof current;
    if (type !== "object" && type !== "string" && type !== "function") {
      return undefined;
    }
    const key = segments[index];
    current = Object.hasOwn(current as object, key)
      ? (current as Record<string, unknown>)[key]
      : undefined;
  }
  return current;
}
