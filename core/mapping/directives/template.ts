import { MappingResolveError } from "../mapping_resolve_error.ts";
import { realTypeOf } from "../_real_type.ts";
import {
  compileTemplate as tokenise,
  getTemplateKeys,
  renderTemplate,
} from "../_template.ts";
import {
  type Checker,
  type CompileContext,
  type Directive,
  type Resolver,
  type Stack,
} from "./_types.ts";

function compile(
  value: unknown,
  context: CompileContext,
): Resolver {
  if (typeof value === "string") {
    return tokenise(value, context, context.place);
  }
  const template = context.compile(value);
  return (data) => {
    const resolved = template(data);
    if (typeof resolved !== "string") {
      throw new MappingResolveError(
        `@template: expected string, got ${realTypeOf(resolved)}`,
      );
    }
    return renderTemplate(resolved, data, context, context.place);
  };
}

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

/** `@template`: `{{a.b}}` (or `{{{a.b}}}`) replaced by the value at that path, unescaped. */
export const templateDirective: Directive = {
  name: "@template",
  compile,
};
