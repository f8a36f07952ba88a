import { isObject } from "../_real_type.ts";
import { isStackOverflow, valueTooDeep } from "../mapping_depth_error.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

// The fewest characters `JSON.stringify(value)` writes, counted without recursion (a value may
// nest deeper than the stack) and stopped at `limit`: every entry walked is counted as work.
function leastJSONLength(
  value: unknown,
  limit: number,
  context: CompileContext,
): number {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0 && length <= limit) {
    const item = pending.pop();
    if (typeof item === "string") length += item.length + 2;
    else if (item === undefined) continue;
    else if (typeof item !== "object" || item === null) length += 1;
    else {
      const keys = Object.keys(item);
      context.work(keys.length + 1);
      length += 2;
      const array = Array.isArray(item);
      for (const key of keys) {
        const member = (item as Record<string, unknown>)[key];
        const written = member !== undefined && typeof member !== "function" &&
          typeof member !== "symbol";
        if (array || written) pending.push(member);
        if (!array && written) length += key.length + 3;
      }
    }
  }
  return length;
}

function encode(value: unknown, context: CompileContext): unknown {
  context.size(leastJSONLength(value, context.maxOutputSize, context));
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
export function compileJSON(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!isObject(options)) {
    return failWith('@json requires an object with a "value" key');
  }
  const { mode } = options;
  if (!mode) return failWith('@json requires a "mode" key');
  if (!options.value) return failWith('@json requires a "value" key');
  const value = context.compile(options.value, "value");
  // Validation accepts any case, but only the exact lower-case modes do anything.
  if (mode === "encode") return (data) => encode(value(data), context);
  if (mode === "decode") return (data) => decode(value(data), context);
  return (data) => {
    value(data);
    return undefined;
  };
}
