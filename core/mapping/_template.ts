// `@template` rendering: `{{{a.b}}}` first, then `{{a.b}}` over the result, as Segment does.
import type { Meter } from "./_budget.ts";
import { parsePath, readPath } from "./_path.ts";
import { converted } from "./_text.ts";

/**
 * Replaces each tag Segment's `/\{{n}([^}]+)\}{n}/g` finds (n = 2 or 3) by what `write`
 * makes of its path, in one linear scan: the expression backtracks over every `{` of a
 * long run (100,000 `{` took 8.6 s). A tag can only end at the first `}` after its
 * braces; when that `}` does not close it, no tag starts before it either.
 */
function replaceTags(
  template: string,
  braces: number,
  write: (inner: string) => string,
): string {
  let out = "";
  let at = 0;
  let from = 0;
  let start;
  while ((start = template.indexOf("{".repeat(braces), from)) >= 0) {
    const end = template.indexOf("}", start + braces);
    if (end < 0) break;
    from = end + 1;
    if (end > start + braces && template.startsWith("}".repeat(braces), end)) {
      out += template.slice(at, start) +
        write(template.slice(start + braces, end));
      at = from = end + braces;
    }
  }
  return out + template.slice(at);
}

/** Turns the value at each path into text, counting what it produces against the budgets. */
function createWriter(
  data: unknown,
  meter: Meter,
  place: string,
  paths?: Map<string, string[]>,
): (inner: string) => string {
  let produced = 0;
  return (inner) => {
    const path = paths?.get(inner) ?? parsePath(inner.trim());
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
  paths?: Map<string, string[]>,
): string {
  // The text inserted by `{{{...}}}` is scanned again by the second pass, as in Segment.
  const first = replaceTags(
    template,
    3,
    createWriter(data, meter, place, paths),
  );
  return replaceTags(first, 2, createWriter(data, meter, place, paths));
}

/** Compiles `template`: text without `{{` is returned as it is, other text rendered per event. */
export function compileTemplate(
  template: string,
  meter: Meter,
  place: string,
): (data: unknown) => string {
  // The paths of the template's own tags, parsed once (text a tag inserts is parsed per event).
  const paths = new Map<string, string[]>();
  for (const braces of [2, 3]) {
    replaceTags(template, braces, (inner) => {
      paths.set(inner, parsePath(inner.trim()));
      return "";
    });
  }
  return template.includes("{{")
    ? (data) => renderTemplate(template, data, meter, place, paths)
    : () => template;
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
