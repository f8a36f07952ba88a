// `@template` rendering: `{{{a.b}}}` first, then `{{a.b}}` over the result, as Segment does.
import type { Meter } from "./_budget.ts";
import { readPath } from "../_read_path.ts";
import { parsePath } from "./_path.ts";
import { converted } from "./_text.ts";

const TRIPLE = /\{\{\{([^}]+)\}\}\}/g;
const DOUBLE = /\{\{([^}]+)\}\}/g;

/** Turns the value at each path into text, counting what it produces against the budgets. */
function createWriter(
  data: unknown,
  meter: Meter,
  place: string,
): (path: readonly string[]) => string {
  let produced = 0;
  return (path) => {
    const value = readPath(data, path) ?? "";
    const text = converted(
      () => String(value),
      place,
      "turn a value into text",
    );
    produced += text.length;
    meter.size(produced);
    meter.write(text.length);
    return text;
  };
}

function pass(
  template: string,
  pattern: RegExp,
  chars: number,
  write: (path: readonly string[]) => string,
): string {
  return template.replace(
    pattern,
    (match) => write(parsePath(match.slice(chars, -chars).trim())),
  );
}

/** Renders `template` against `data` without compiling it first; `place` names the directive in errors. */
export function renderTemplate(
  template: string,
  data: unknown,
  meter: Meter,
  place: string,
): string {
  // The text inserted by `{{{...}}}` is scanned again by the second pass, as in Segment.
  const first = pass(template, TRIPLE, 3, createWriter(data, meter, place));
  return pass(first, DOUBLE, 2, createWriter(data, meter, place));
}

/** Tokenises `template` once; a template with `{{{...}}}` is rendered as a whole because its output is scanned again. */
export function compileTemplate(
  template: string,
  meter: Meter,
  place: string,
): (data: unknown) => string {
  if (!template.includes("{{")) return () => template;
  TRIPLE.lastIndex = 0;
  if (TRIPLE.test(template)) {
    TRIPLE.lastIndex = 0;
    return (data) => renderTemplate(template, data, meter, place);
  }
  const literals: string[] = [];
  const paths: string[][] = [];
  let last = 0;
  for (const match of template.matchAll(DOUBLE)) {
    literals.push(template.slice(last, match.index));
    paths.push(parsePath(match[1].trim()));
    last = match.index + match[0].length;
  }
  literals.push(template.slice(last));
  const count = paths.length;
  return (data) => {
    const write = createWriter(data, meter, place);
    let out = literals[0];
    for (let index = 0; index < count; index++) {
      out += write(paths[index]) + literals[index + 1];
    }
    return out;
  };
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
