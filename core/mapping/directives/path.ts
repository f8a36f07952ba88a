import { parsePath, readPath, stripRoot } from "../_path.ts";
import { realTypeOf } from "../_real_type.ts";
import type { CompileContext, Resolver } from "./_types.ts";

/** `@path`: the value at a path of the event (`$.` removed once; `""`, `"."` and `"$."` are the root). */
export function compilePath(value: unknown, context: CompileContext): Resolver {
  if (typeof value === "string") {
    const segments = parsePath(stripRoot(value));
    return (data) => readPath(data, segments);
  }
  const path = context.compile(value);
  return (data) => {
    const resolved = path(data);
    if (typeof resolved !== "string") {
      throw new Error(`@path: expected string, got ${realTypeOf(resolved)}`);
    }
    return readPath(data, parsePath(stripRoot(resolved)));
  };
}
