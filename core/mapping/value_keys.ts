import { getLiquidKeys } from "./_liquid_engine.ts";

// The directive test used here is Segment's looser one: any known directive key, extra keys allowed.
const KNOWN_DIRECTIVES = [
  "@if",
  "@path",
  "@template",
  "@literal",
  "@arrayPath",
  "@case",
  "@replace",
  "@json",
  "@flatten",
  "@merge",
  "@transform",
  "@excludeWhenNull",
  "@liquid",
];

type Directive = Record<string, unknown>;

function isObjectLike(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

function isAnyDirective(value: unknown): value is Directive {
  return isObjectLike(value) &&
    Object.keys(value).some((key) => KNOWN_DIRECTIVES.includes(key));
}

function hasObjectOption(
  directive: Directive,
  name: string,
  option: string,
): boolean {
  const options = directive[name];
  return isObjectLike(options) && option in options;
}

function option(directive: Directive, name: string, key: string): unknown {
  return (directive[name] as Record<string, unknown>)[key];
}

function rawKeys(value: unknown): unknown[] {
  if (isAnyDirective(value)) return directiveKeys(value);
  if (isObjectLike(value)) {
    return Object.values(value).flatMap((item) => directiveKeys(item));
  }
  return [];
}

// The order of checks is Segment's; @merge and @transform are not among them, so they read no keys.
function keysOf(d: Directive): unknown[] | null {
  if ("@arrayPath" in d && Array.isArray(d["@arrayPath"])) {
    return d["@arrayPath"].flatMap((item) => rawKeys(item));
  }
  if ("@case" in d && hasObjectOption(d, "@case", "operator")) {
    return rawKeys(option(d, "@case", "value"));
  }
  if (
    "@if" in d &&
    (hasObjectOption(d, "@if", "exists") || hasObjectOption(d, "@if", "blank"))
  ) {
    return ["blank", "exists", "then", "else"].flatMap((key) =>
      rawKeys(option(d, "@if", key))
    );
  }
  if ("@literal" in d) return [""];
  if ("@path" in d) return [d["@path"]];
  if ("@replace" in d && hasObjectOption(d, "@replace", "pattern")) {
    return rawKeys(option(d, "@replace", "value"));
  }
  if ("@template" in d) return getTemplateKeys(d["@template"] as string);
  if ("@json" in d && hasObjectOption(d, "@json", "value")) {
    return rawKeys(option(d, "@json", "value"));
  }
  if ("@flatten" in d && hasObjectOption(d, "@flatten", "value")) {
    return rawKeys(option(d, "@flatten", "value"));
  }
  if ("@excludeWhenNull" in d) return [""];
  if ("@liquid" in d && typeof d["@liquid"] === "string") {
    return getLiquidKeys(d["@liquid"]);
  }
  return null;
}

function directiveKeys(value: unknown): unknown[] {
  if (isAnyDirective(value)) return (keysOf(value) ?? []).filter((key) => key);
  if (isObjectLike(value)) {
    return Object.values(value).flatMap((item) => directiveKeys(item));
  }
  return [];
}

/**
 * Returns the event paths a mapping value reads, as Segment's
 * `getFieldValueKeys`: `@path` values as written (`$.traits.email`),
 * `@template` keys, `@liquid` variables, and keys inside `@if`, `@case`,
 * `@replace`, `@json`, `@flatten` and `@arrayPath` shapes (relative to the
 * items). Like Segment's, it reads nothing inside `@merge`, `@transform`,
 * `@literal` and `@excludeWhenNull`.
 *
 * @throws {Error} What liquidjs throws for a `@liquid` template it cannot parse.
 * @example
 * ```ts
 * import { getFieldValueKeys } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const value = {
 *   "@if": { exists: { "@path": "$.traits.email" }, then: { "@template": "{{traits.name}}" } },
 * };
 * assert.deepEqual(getFieldValueKeys(value), ["$.traits.email", "traits.name"]);
 * ```
 */
export function getFieldValueKeys(value: unknown): string[] {
  return directiveKeys(value) as string[];
}

/**
 * Returns the text between each `{{` and the next `}}` of a template, as
 * Segment's `getTemplateKeys` (untrimmed; `{{{a}}}` gives `{a`).
 *
 * @example
 * ```ts
 * import { getTemplateKeys } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(getTemplateKeys("Hi {{traits.name}}, {{ properties.plan }}"), [
 *   "traits.name",
 *   " properties.plan ",
 * ]);
 * ```
 */
export function getTemplateKeys(input: string): string[] {
  // Named `input` so that a non-string fails with Segment's exact TypeError message.
  return Array.from(input.matchAll(/{{(.*?)}}/g), (match) => match[1]);
}
