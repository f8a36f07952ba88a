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

/** Returns why `name` cannot be an action name, or `undefined` when it can. */
export function checkActionName(name: string): string | undefined {
  if (!ACTION_NAME.test(name)) {
    return `"${name}" is not an identifier: use letters, digits and underscores, such as "trackEvent"`;
  }
  return undefined;
}
