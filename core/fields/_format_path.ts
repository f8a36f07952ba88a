// Paths of issues and warnings.

/** Joins keys and item indices into a path such as `properties.items[2].price`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    text += typeof part === "number"
      ? `[${part}]`
      : text === ""
      ? String(part)
      : `.${String(part)}`;
  }
  return text;
}
