import { isStackOverflow, valueTooDeep } from "../mapping_depth_error.ts";
import type { Checker, CompileContext, Stack, ValueKeys } from "./_types.ts";
import { objectDirective } from "./_types.ts";

// Before encoding: the strings it will write at least, and every entry it walks (counted without
// recursion, as a value may nest deeper than the stack), stopped once past the budget.
function encode(value: unknown, context: CompileContext): unknown {
  let least = 0;
  const pending = [value];
  while (pending.length > 0 && least <= context.maxOutputSize) {
    const item = pending.pop();
    if (typeof item === "string") least += item.length;
    else if (item !== null && typeof item === "object") {
      const keys = Object.keys(item);
      context.work(keys.length + 1);
      for (const key of keys) {
        pending.push((item as Record<string, unknown>)[key]);
      }
    }
  }
  context.size(least);
  let encoded: string | undefined;
  try {
    encoded = JSON.stringify(value);
  } catch (error) {
    if (isStackOverflow(error)) throw valueTooDeep(context.maxDepth);
    throw error;
  }
  if (encoded !== undefined) {
    context.size(encoded.length);
    context.write(encoded.length);
  }
  return encoded;
}

function decode(value: unknown, context: CompileContext): unknown {
  if (typeof value !== "string") return value;
  context.write(value.length);
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** `@json`: `mode` "encode" (`JSON.stringify`) or "decode" (`JSON.parse`, the input when it is not JSON). */
export const jsonDirective = objectDirective({
  name: "@json",
  needs: 'a "value" key',
  requires: ["mode", "value"],
  compile(options, context) {
    const { mode } = options;
    const value = context.compile(options.value, "value");
    // Validation accepts any case, but only the exact lower-case modes do anything.
    if (mode === "encode") return (data) => encode(value(data), context);
    if (mode === "decode") return (data) => decode(value(data), context);
    return (data) => {
      value(data);
      return undefined;
    };
  },
});

/** Checks the value under `@json` as Segment's validate does. */
export function jsonRule(value: unknown, check: Checker, stack: Stack): void {
  check.fields(value, {
    value: [check.raw, true],
    mode: [check.oneOf("encode", "decode"), true],
  }, stack);
}

/** The event keys the value under `@json` reads, as Segment lists them: those of `value`, once there is a `value`. */
export const jsonKeys: ValueKeys = { valueWhen: "value" };
