import { cleanNulls } from "../_clean.ts";
import type { CompileContext, Resolver } from "./_types.ts";

/** `@excludeWhenNull`: null drops the key; null values in nested objects (not arrays) are removed. */
export function compileExcludeWhenNull(
  value: unknown,
  context: CompileContext,
): Resolver {
  const input = context.compile(value);
  const { maxDepth } = context;
  return (data) => {
    const resolved = input(data);
    return resolved === null
      ? undefined
      : cleanNulls(resolved, maxDepth, context);
  };
}
