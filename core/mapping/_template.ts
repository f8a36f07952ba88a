// `@template` rendering: `{{{a.b}}}` first, then `{{a.b}}` over the result, as Segment does.
import type { Meter } from "./_budget.ts";
import { readPath } from "../_read_path.ts";
import { parsePath } from "./_path.ts";
import { converted } from "./_text.ts";

/** A template split at its tags: the text around them at the even indices, their paths at the odd ones. */
type Parts = (string | string[])[];

/**
 * Splits at the tags Segment's `/\{{n}([^}]+)\}{n}/g` finds (n = 2 or 3), in one linear scan:
 * the regular expression backtracks over every `{` of a long run (100,000 `{` took 8.6 s).
 * A tag at `i` can only end at the first `}` after its braces, so when that `}` does not
 * close it, no tag starts before it either, and the scan goes on after it.
 */
function partsOf(template: string, braces: 2 | 3): Parts {
  const open = braces === 3 ? "{{{" : "{{";
  const close = braces === 3 ? "}}}" : "}}";
  const parts: Parts = [];
  let at = 0;
  let from = 0;
  while (from < template.length) {
    const start = template.indexOf(open, from);
    if (start === -1) break;
    const first = template.indexOf("}", start + braces);
    if (first === -1) break;
    if (first > start + braces && template.startsWith(close, first)) {
      parts.push(
        template.slice(at, start),
        parsePath(template.slice(start + braces, first).trim()),
      );
      at = from = first + braces;
    } else from = first + 1;
  }
  parts.push(template.slice(at));
  return parts;
}

// One loop and no closure per resolve: each value's text is metered as it comes. Only an
// object's `String` can throw (its own `toString`), so only it goes through `converted`.
function render(
  parts: Parts,
  data: unknown,
  meter: Meter,
  place: string,
): string {
  let out = parts[0] as string;
  let produced = 0;
  for (let index = 1; index < parts.length; index += 2) {
    const value = readPath(data, parts[index] as string[]) ?? "";
    const text = typeof value === "object" || typeof value === "function"
      ? converted(() => String(value), place, "turn a value into text")
      : String(value);
    produced += text.length;
    meter.size(produced);
    meter.write(text.length);
    out += text + parts[index + 1];
  }
  return out;
}

/** Renders `template` against `data` without compiling it first; `place` names the directive in errors. */
export function renderTemplate(
  template: string,
  data: unknown,
  meter: Meter,
  place: string,
): string {
  // The text inserted by `{{{...}}}` is scanned again by the second pass, as in Segment.
  const first = render(partsOf(template, 3), data, meter, place);
  return render(partsOf(first, 2), data, meter, place);
}

/** Tokenises `template` once; a template with `{{{...}}}` is rendered as a whole because its output is scanned again. */
export function compileTemplate(
  template: string,
  meter: Meter,
  place: string,
): (data: unknown) => string {
  if (!template.includes("{{")) return () => template;
  if (partsOf(template, 3).length > 1) {
    return (data) => renderTemplate(template, data, meter, place);
  }
  const parts = partsOf(template, 2);
  return (data) => render(parts, data, meter, place);
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
