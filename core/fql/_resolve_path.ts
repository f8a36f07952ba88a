/** Reads a compiled path from an event. */
export type PathReader = (event: object) => unknown;

/** Reads one path segment from a value. */
export type Step = (value: unknown) => unknown;

/**
 * Compiles one path segment into a step. A path through a falsy value yields
 * that value, as Segment's `get` does; strings and arrays expose `length` and
 * indices; only own properties are read.
 */
export function compileStep(key: string): Step {
  return (value) =>
    !value ? value : (typeof value === "object" || typeof value === "string") &&
        Object.hasOwn(value as object, key)
      ? (value as Record<string, unknown>)[key]
      : undefined;
}

/** Compiles a path into a reader. */
export function compilePath(path: readonly string[]): PathReader {
  const steps = path.map(compileStep);
  return (event) => {
    let value: unknown = event;
    for (let i = 0; i < steps.length; i++) value = steps[i](value);
    return value;
  };
}
