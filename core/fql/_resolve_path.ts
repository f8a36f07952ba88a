/** Reads a compiled path from an event. */
export type PathReader = (event: object) => unknown;

const OBJECT_MEMBERS = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  "__proto__",
]);
const INHERITED = new Set([
  ...OBJECT_MEMBERS,
  ...Object.getOwnPropertyNames(Array.prototype),
  ...Object.getOwnPropertyNames(String.prototype),
]);
INHERITED.delete("length");

/**
 * Whether a key names a member that objects (or, with `inArrayOrString`, arrays
 * and strings) inherit from a built-in prototype, such as `constructor`.
 */
export function isInheritedName(key: string, inArrayOrString = true): boolean {
  return inArrayOrString ? INHERITED.has(key) : OBJECT_MEMBERS.has(key);
}

/** Reads one path segment from a value. */
export type Step = (value: unknown) => unknown;

/**
 * Compiles one path segment into a step. A path through a falsy value yields
 * that value, as Segment's `get` does; strings and arrays expose `length` and
 * indices; only own properties are read.
 */
export function compileStep(key: string): Step {
  const index = /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : -1;
  const guarded = isInheritedName(key);
  return function step(value: unknown): unknown {
    if (!value) return value;
    if (typeof value === "string") {
      if (key === "length") return value.length;
      return index >= 0 && index < value.length ? value[index] : undefined;
    }
    if (typeof value !== "object") return undefined;
    if (guarded && !Object.hasOwn(value, key)) return undefined;
    return (value as Record<string, unknown>)[key];
  };
}

/** Compiles a path into a reader; the common short paths avoid any loop. */
export function compilePath(path: readonly string[]): PathReader {
  const steps = path.map(compileStep);
  if (steps.length === 1) {
    return steps[0];
  }
  if (steps.length === 2) {
    const [a, b] = steps;
    return (event) => b(a(event));
  }
  if (steps.length === 3) {
    const [a, b, c] = steps;
    return (event) => c(b(a(event)));
  }
  return function read(event) {
    let value: unknown = event;
    for (let i = 0; i < steps.length; i++) value = steps[i](value);
    return value;
  };
}
