// `@template` rendering: `{{{a.b}}}` first, then `{{a.b}}` over the result, as Segment does.
import type { Meter } from "./_budget.ts";
import { parsePath, readPath } from "../_path.ts";
import { converted } from "./_text.ts";

/**
 * Splits `template` at each tag Segment's `/\{{n}([^}]+)\}{n}/g` finds (n = 2 or 3): text,
 * then each tag's inner text followed by the text after it. One linear scan: the expression
 * backtracks over every `{` of a long run (100,000 `{` took 8.6 s). A tag can only end at the
 * first `}` after its braces; when that `}` does not close it, no tag starts before it either.
 */
function splitTags(template: string, braces: number): string[] {
  const parts: string[] = [];
  let at = 0;
  let from = 0;
  let start;
  while ((start = template.indexOf("{".repeat(braces), from)) >= 0) {
    const end = template.indexOf("}", start + braces);
    if (end < 0) break;
    from = end + 1;
    if (end > start + braces && template.startsWith("}".repeat(braces), end)) {
      parts.push(
        template.slice(at, start),
        template.slice(start + braces, end),
      );
      at = from = end + braces;
    }
  }
  parts.push(template.slice(at));
  return parts;
}

/**
 * Joins the parts of {@linkcode splitTags}, each tag replaced by what `write` makes of its
 * inner text (or of its path, parsed when the template compiled).
 */
function joinTags(
  parts: readonly (string | string[])[],
  write: (tag: string | string[]) => string,
): string {
  let out = parts[0] as string;
  for (let index = 1; index < parts.length; index += 2) {
    out += write(parts[index]) + parts[index + 1];
  }
  return out;
}

/** Turns the value at each tag's path into text, counting what it produces against the budgets. */
function createWriter(
  data: unknown,
  meter: Meter,
  place: string,
): (tag: string | string[]) => string {
  let produced = 0;
  return (tag) => {
    const path = typeof tag === "string" ? parsePath(tag.trim()) : tag;
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

/** Renders `template` against `data`; `place` names the directive in errors. */
export function renderTemplate(
  template: string,
  data: unknown,
  meter: Meter,
  place: string,
): string {
  // The text inserted by `{{{...}}}` is scanned again by the second pass, as in Segment.
  let text = template;
  for (const braces of [3, 2]) {
    text = joinTags(splitTags(text, braces), createWriter(data, meter, place));
  }
  return text;
}

/**
 * Compiles `template`: without `{{{`, its tags are found and their paths parsed once; with
 * it, the template is rendered per event (the text a tag inserts may hold tags).
 */
export function compileTemplate(
  template: string,
  meter: Meter,
  place: string,
): (data: unknown) => string {
  const parts: (string | string[])[] = splitTags(template, 2);
  for (let index = 1; index < parts.length; index += 2) {
    parts[index] = parsePath((parts[index] as string).trim());
  }
  return template.includes("{{{")
    ? (data) => renderTemplate(template, data, meter, place)
    : (data) => joinTags(parts, createWriter(data, meter, place));
}

const LINE_END = /[\n\r\u2028\u2029]/g;

/**
 * What Segment's `/{{(.*?)}}/g` captures, in one linear scan (the lazy `.*?` re-reads the
 * rest of the line from every `{{` that has no `}}` after it on that line).
 */
export function getTemplateKeys(input: string): string[] {
  if (typeof input !== "string") {
    // Named `input` so that a non-string fails with Segment's exact TypeError message.
    return Array.from(
      (input as string).matchAll(/{{(.*?)}}/g),
      (match) => match[1],
    );
  }
  const keys: string[] = [];
  let from = 0;
  while (from < input.length) {
    const start = input.indexOf("{{", from);
    if (start === -1) break;
    const end = input.indexOf("}}", start + 2);
    if (end === -1) break;
    LINE_END.lastIndex = start + 2;
    const line = LINE_END.exec(input);
    if (line !== null && line.index < end) {
      from = line.index + 1;
      continue;
    }
    keys.push(input.slice(start + 2, end));
    from = end + 2;
  }
  return keys;
}
