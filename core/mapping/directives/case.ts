import { isObject } from "../_real_type.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

/** `@case`: `operator` "lower" or "upper" applied to a string `value`; other values pass through. */
export function compileCase(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!isObject(options)) {
    return failWith('@case requires an object with a "operator" key');
  }
  const { operator, value } = options;
  if (!operator) return failWith('@case requires a "operator" key');
  if (!value) return () => undefined;
  const input = context.compile(value, "value");
  return (data) => {
    const resolved = input(data);
    if (typeof resolved !== "string") return resolved;
    if (operator !== "lower" && operator !== "upper") {
      throw new Error(
        'operator key should have a value of "lower" or "upper"',
      );
    }
    context.size(resolved.length);
    const changed = operator === "lower"
      ? resolved.toLowerCase()
      : resolved.toUpperCase();
    // A few characters grow when their case changes ("ß" becomes "SS").
    context.size(changed.length);
    context.write(changed.length);
    return changed;
  };
}
