// Reading a dotted path from event data, as Segment's `get`, but only through own properties.

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
