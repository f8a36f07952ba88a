// Paths into event data: Segment's mapping path syntax, and reading a path of keys through
// own properties (one rule for the mapping language's paths and FQL's, so each bundle carries it once).

const SEGMENT_SEPARATOR = /\[(?="|'|\d)|\.|(?<="|'|\d)]+/g;
const QUOTES = /'|"/g;

/** Splits a path: brackets split only before a quote or a digit, quotes are removed. */
export function parsePath(path: string): string[] {
  return path.split(SEGMENT_SEPARATOR).filter((segment) => segment !== "").map((
    segment,
  ) => segment.replace(QUOTES, ""));
}

/** Removes the first `$.` from a `@path` value, wherever it is. */
export function stripRoot(path: string): string {
  return path.replace("$.", "");
}

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
