import type { ValueKeys } from "./directives/_types.ts";
import { hasOption } from "./_real_type.ts";
import { arrayPathKeys } from "./directives/array_path.ts";
import { caseKeys } from "./directives/case.ts";
import { excludeWhenNullKeys } from "./directives/exclude_when_null.ts";
import { flattenKeys } from "./directives/flatten.ts";
import { ifKeys } from "./directives/if.ts";
import { jsonKeys } from "./directives/json.ts";
import { liquidKeys } from "./directives/liquid.ts";
import { literalKeys } from "./directives/literal.ts";
import { pathKeys } from "./directives/path.ts";
import { replaceKeys } from "./directives/replace.ts";
import { templateKeys } from "./directives/template.ts";

export { getTemplateKeys } from "./_template.ts";

// Segment's order of checks: an object with several directive keys reads the keys of the first
// that applies. @merge and @transform read none but still mark an object as a directive.
const IN_ORDER: ReadonlyArray<readonly [string, ValueKeys?]> = [
  ["@arrayPath", arrayPathKeys],
  ["@case", caseKeys],
  ["@if", ifKeys],
  ["@literal", literalKeys],
  ["@path", pathKeys],
  ["@replace", replaceKeys],
  ["@template", templateKeys],
  ["@json", jsonKeys],
  ["@flatten", flattenKeys],
  ["@excludeWhenNull", excludeWhenNullKeys],
  ["@liquid", liquidKeys],
  ["@merge"],
  ["@transform"],
];
const NAMES = IN_ORDER.map(([name]) => name);

function isObjectLike(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object";
}

// What `keys` lists for `value`; `undefined` when it lists nothing and the next key is tried.
function listed(
  keys: ValueKeys | undefined,
  value: unknown,
): unknown[] | undefined {
  if (keys === undefined) return undefined;
  if (typeof keys === "function") return keys(value, keysOf);
  if (hasOption(value, keys.valueWhen)) {
    return keysOf((value as Record<string, unknown>).value);
  }
}

// Segment's looser test here: any known directive key, other keys allowed.
function keysOf(value: unknown): unknown[] {
  if (!isObjectLike(value)) return [];
  if (!Object.keys(value).some((key) => NAMES.includes(key))) {
    return Object.values(value).flatMap(keysOf);
  }
  for (const [name, keys] of IN_ORDER) {
    const found = name in value ? listed(keys, value[name]) : undefined;
    if (found !== undefined) return found.filter((key) => key);
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
 * import { getFieldValueKeys } from "@destkit/core/tooling";
 * import assert from "node:assert/strict";
 *
 * const value = {
 *   "@if": { exists: { "@path": "$.traits.email" }, then: { "@template": "{{traits.name}}" } },
 * };
 * assert.deepEqual(getFieldValueKeys(value), ["$.traits.email", "traits.name"]);
 * ```
 */
export function getFieldValueKeys(value: unknown): string[] {
  return keysOf(value) as string[];
}
