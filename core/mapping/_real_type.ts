// Type tests shared by validation and resolution, spelled as Segment's mapping-kit spells them.

/** Returns the lower-case tag of `Object.prototype.toString`: "object", "array", "null", "date", ... */
export function realTypeOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1).toLowerCase();
}

/** Returns whether `realTypeOf(value)` is "object", with a fast path for plain objects. */
export function isObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  if (
    (proto === Object.prototype || (proto === null && !Array.isArray(value))) &&
    !(Symbol.toStringTag in value)
  ) {
    return true;
  }
  return realTypeOf(value) === "object";
}

/** Returns whether `key` names a directive: it starts with `@`. */
export function isDirectiveKey(key: string): boolean {
  return key[0] === "@";
}

/**
 * Returns whether `value` is a directive: an object with an `@` key and no
 * other keys but `@` keys and `_metadata`. (Validation first types any
 * object with an `@` key as a directive, then refuses one with other keys;
 * `getFieldValueKeys` looks for the known names alone, as Segment does.)
 */
export function isDirective(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  let hasDirectiveKey = false;
  for (const key of Object.keys(value)) {
    if (isDirectiveKey(key)) hasDirectiveKey = true;
    else if (key !== "_metadata") return false;
  }
  return hasDirectiveKey;
}

/** Returns "an" before a vowel and "a" otherwise, as Segment's messages do. */
export function indefiniteArticle(word: string): string {
  return "aeiou".includes(word.charAt(0)) && word !== "" ? "an" : "a";
}

/** Sets an own data property, even for the key `__proto__` (which plain assignment would turn into a prototype change). */
export function defineOwn(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** Returns whether `options` is an object (or array) with `key`, own or inherited, as Segment's key listing tests. */
export function hasOption(options: unknown, key: string): boolean {
  return options !== null && typeof options === "object" && key in options;
}
