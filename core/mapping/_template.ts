// `@template` rendering: `{{{a.b}}}` first, then `{{a.b}}` over the result, as Segment does.
import { parsePath, readPath } from "./_path.ts";

const TRIPLE = /\{\{\{([^}]+)\}\}\}/g;
const DOUBLE = /\{\{([^}]+)\}\}/g;

function replacer(data: unknown, chars: number): (match: string) => string {
  return (match) =>
    String(readPath(data, parsePath(match.slice(chars, -chars).trim())) ?? "");
}

/** Renders `template` against `data` without compiling it first. */
export function renderTemplate(template: string, data: unknown): string {
  return template.replace(TRIPLE, replacer(data, 3)).replace(
    DOUBLE,
    replacer(data, 2),
  );
}

/** Tokenises `template` once; a template with `{{{...}}}` is rendered as a whole because its output is scanned again. */
export function compileTemplate(template: string): (data: unknown) => string {
  if (!template.includes("{{")) return () => template;
  TRIPLE.lastIndex = 0;
  if (TRIPLE.test(template)) {
    TRIPLE.lastIndex = 0;
    return (data) => renderTemplate(template, data);
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
    let out = literals[0];
    for (let index = 0; index < count; index++) {
      out += String(readPath(data, paths[index]) ?? "") + literals[index + 1];
    }
    return out;
  };
}
