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
  // Split by a capturing pattern: the paths are at the odd indices, the text around them at the even ones.
  const parts: (string | string[])[] = template.split(DOUBLE);
  for (let index = 1; index < parts.length; index += 2) {
    parts[index] = parsePath((parts[index] as string).trim());
  }
  return (data) => {
    const write = createWriter(data, meter, place);
    let out = parts[0] as string;
    for (let index = 1; index < parts.length; index += 2) {
      out += write(parts[index] as string[]) + parts[index + 1];
    }
    return out;
  };
}

export function getTemplateKeys(input: string): string[] {
  // Named `input` so that a non-string fails with Segment's exact TypeError message.
  return Array.from(input.matchAll(/{{(.*?)}}/g), (match) => match[1]);
}
