import type { CompileContext, Resolver } from "./_types.ts";

/** `@literal`: the value as written; directives nested in it still resolve. */
export function compileLiteral(
  value: unknown,
  context: CompileContext,
): Resolver {
  return context.compile(value);
}
