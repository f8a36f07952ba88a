// `@template` rendering: `{{{a.b}}}` first, then `{{a.b}}` over the result, as Segment does.
import type { Meter } from "./_budget.ts";
import { readPath } from "../_read_path.ts";
import { parsePath } from "./_path.ts";
import { converted } from "./_text.ts";

/**
 * The tags Segment's `/\{{n}([^}]+)\}{n}/g` finds (n = 2 or 3), in one linear scan: the
 * regular expression backtracks over every `{` of a long run (100,000 `{` took 8.6 s).
 * A tag at `i` can only end at the first `}` after its braces, so when that `}` does not
 * close it, no tag starts before it either, and the scan goes on after it.
 */
function findTags(
  template: string,
  braces: 2 | 3,
): { start: number; end: number; inner: string }[] {
  const open = braces === 3 ? "{{{" : "{{";
  const close = braces === 3 ? "}}}" : "}}";
  const tags = [];
  let from = 0;
  while (from < template.length) {
    const start = template.indexOf(open, from);
    if (start === -1) break;
    const first = template.indexOf("}", start + braces);
    if (first === -1) break;
    if (first > start + braces && template.startsWith(close, first)) {
      tags.push({
        start,
        end: first + braces,
        inner: template.slice(start + braces, first),
      });
      from = first + braces;
    } else from = first + 1;
  }
  return tags;
}

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
  braces: 2 | 3,
  write: (path: readonly string[]) => string,
): string {
  let out = "";
  let at = 0;
  for (const tag of findTags(template, braces)) {
    out += template.slice(at, tag.start) + write(parsePath(tag.inner.trim()));
    at = tag.end;
  }
  return at === 0 ? template : out + template.slice(at);
}

/** Renders `template` against `data` without compiling it first; `place` names the directive in errors. */
export function renderTemplate(
  template: string,
  data: unknown,
  meter: Meter,
  place: string,
): string {
  // The text inserted by `{{{...}}}` is scanned again by the second pass, as in Segment.
  const first = pass(template, 3, createWriter(data, meter, place));
  return pass(first, 2, createWriter(data, meter, place));
}

/** Tokenises `template` once; a template with `{{{...}}}` is rendered as a whole because its output is scanned again. */
export function compileTemplate(
  template: string,
  meter: Meter,
  place: string,
): (data: unknown) => string {
  if (!template.includes("{{")) return () => template;
  if (findTags(template, 3).length > 0) {
    return (data) => renderTemplate(template, data, meter, place);
  }
  // The paths are at the odd indices, the text around them at the even ones.
  const parts: (string | string[])[] = [];
  let at = 0;
  for (const tag of findTags(template, 2)) {
    parts.push(template.slice(at, tag.start), parsePath(tag.inner.trim()));
    at = tag.end;
  }
  parts.push(template.slice(at));
  return (data) => {
    const write = createWriter(data, meter, place);
    let out = parts[0] as string;
    for (let index = 1; index < parts.length; index += 2) {
      out += write(parts[index] as string[]) + parts[index + 1];
    }
    return out;
  };
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
