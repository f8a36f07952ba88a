import { isObject } from "../_real_type.ts";
import { isNotLooselyEmpty } from "../_text.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

/** `@if`: `exists` (not undefined or null) or `blank` (also not loosely `""`) chooses `then` or `else`. */
export function compileIf(options: unknown, context: CompileContext): Resolver {
  if (!isObject(options)) {
    return failWith('@if requires an object with an "exists" key');
  }
  const { exists, blank, then, else: otherwise } = options;
  if (!exists && !blank) {
    return failWith('@if requires an "exists" key or a "blank" key');
  }
  const thenValue = then === undefined
    ? undefined
    : context.compile(then, "then");
  // A falsy `else` is never resolved: the key is dropped.
  const elseValue = otherwise ? context.compile(otherwise, "else") : undefined;
  const useExists = exists !== undefined;
  const condition = useExists
    ? context.compile(exists, "exists")
    : context.compile(blank, "blank");
  const { place } = context;
  return (data) => {
    const value = condition(data);
    const holds = value !== undefined && value !== null &&
      (useExists || isNotLooselyEmpty(value, place));
    if (holds) return thenValue?.(data);
    return elseValue?.(data);
  };
}
