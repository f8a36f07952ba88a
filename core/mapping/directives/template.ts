import {
  compileTemplate as tokenise,
  getTemplateKeys,
  renderTemplate,
} from "../_template.ts";
import type { Checker, Directive, Stack } from "./_types.ts";
import { compileString } from "./_types.ts";

/** `@template`: `{{a.b}}` (or `{{{a.b}}}`) replaced by the value at that path, unescaped. */
export const templateDirective: Directive = {
  name: "@template",
  compile(value, context) {
    if (typeof value === "string") {
      return tokenise(value, context, context.place);
    }
    const template = compileString("@template", value, context);
    return (data) =>
      renderTemplate(template(data), data, context, context.place);
  },
};

/** Checks the value under `@template` as Segment's validate does. */
export function templateRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.stringOrDirective(value, stack);
}

/** The event keys the value under `@template` reads, as Segment lists them (`undefined`: none, try the next key). */
export function templateKeys(value: unknown): unknown[] {
  return getTemplateKeys(value as string);
}
