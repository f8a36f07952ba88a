import { flattenValue } from "../_flatten.ts";
import { isObject } from "../_real_type.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

/** `@flatten`: nested keys of `value` joined by `separator`; `omitArrays` (truthiness) keeps arrays whole. */
export function compileFlatten(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!isObject(options)) {
    return failWith('@flatten requires an object with a "separator" key');
  }
  if (!options.separator) {
    return failWith('@flatten requires a "separator" key');
  }
  const separator = context.compile(options.separator, "separator");
  const value = context.compile(options.value, "value");
  const omitArrays = Boolean(options.omitArrays);
  const { maxDepth } = context;
  return (data) => {
    const resolvedSeparator = separator(data);
    if (typeof resolvedSeparator !== "string") {
      throw new Error("@flatten requires a string separator");
    }
    return flattenValue(value(data), {
      separator: resolvedSeparator,
      omitArrays,
      maxDepth,
      meter: context,
    });
  };
}
