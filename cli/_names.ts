/** Splits a display name or identifier into lower-case words. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** Returns `text` in kebab case: `"Acme CRM"` -> `"acme-crm"`. */
export function toKebabCase(text: string): string {
  return words(text).join("-");
}

/** Returns `text` in camel case: `"track event"` -> `"trackEvent"`. */
export function toCamelCase(text: string): string {
  return words(text)
    .map((word, index) =>
      index === 0 ? word : word[0].toUpperCase() + word.slice(1)
    )
    .join("");
}

/** Returns `text` as a title: `"trackEvent"` -> `"Track Event"`. */
export function toTitle(text: string): string {
  return words(text).map((word) => word[0].toUpperCase() + word.slice(1)).join(
    " ",
  );
}

/** The slug `init` suggests for a destination name. */
export function suggestSlug(name: string): string {
  return `actions-${toKebabCase(name)}`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ACTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Returns why `slug` cannot be a destination slug, or `undefined` when it can. */
export function checkSlug(slug: string): string | undefined {
  if (slug === "") return "a slug cannot be empty";
  if (!SLUG.test(slug)) {
    return `"${slug}" is not URL-safe: use lower-case letters, digits and single dashes, such as "actions-acme"`;
  }
  if (slug.length > 64) return `"${slug}" is longer than 64 characters`;
  return undefined;
}

/**
 * Words that cannot name an import in a module (JavaScript's reserved and
 * strict-mode reserved words, `arguments` and `eval`, the globals TypeScript
 * forbids redeclaring, and the CommonJS names it reserves): an action with such a name is imported
 * under another name (see {@linkcode importName}).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "arguments",
  "eval",
  "undefined",
  "NaN",
  "Infinity",
  "globalThis",
  "require",
  "exports",
]);

/** Returns whether `name` cannot name an import (see {@linkcode RESERVED_WORDS}). */
export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

/**
 * Returns why `name` cannot be an action name, or `undefined` when it can. A
 * name is never rewritten: it is an ASCII identifier as typed (it is the key in
 * `actions`, the folder and the subscription's `partnerAction`), and the
 * message suggests the closest one that is.
 */
export function checkActionName(name: string): string | undefined {
  if (name === "") return "an action name cannot be empty";
  if (!ACTION_NAME.test(name)) {
    const suggestion = toCamelCase(name);
    const hint = suggestion !== "" && ACTION_NAME.test(suggestion)
      ? `, such as "${suggestion}"`
      : ', such as "trackEvent"';
    return `"${name}" is not an identifier: use ASCII letters, digits and underscores, starting with a letter or an underscore${hint}`;
  }
  if (Object.hasOwn(Object.prototype, name) || name === "__proto__") {
    return `"${name}" is a property of every object (Object.prototype.${name}); choose another name`;
  }
  return undefined;
}
