import { realTypeOf } from "../_real_type.ts";
import { compileTemplate as tokenise, renderTemplate } from "../_template.ts";
import type { CompileContext, Resolver } from "./_types.ts";

/** `@template`: `{{a.b}}` (or `{{{a.b}}}`) replaced by the value at that path, unescaped. */
export function compileTemplate(
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
      throw new Error(
        `@template: expected string, got ${realTypeOf(resolved)}`,
      );
    }
    return renderTemplate(resolved, data, context, context.place);
  };
}
