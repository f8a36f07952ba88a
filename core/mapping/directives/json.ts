import { isObject } from "../_real_type.ts";
import { isStackOverflow, valueTooDeep } from "../mapping_depth_error.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

function encode(value: unknown, maxDepth: number): unknown {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (isStackOverflow(error)) throw valueTooDeep(maxDepth);
    throw error;
  }
}

function decode(value: unknown): unknown {
  if (typeof value !== "string") return value;
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
  const value = context.compile(options.value);
  const { maxDepth } = context;
  // Validation accepts any case, but only the exact lower-case modes do anything.
  if (mode === "encode") return (data) => encode(value(data), maxDepth);
  if (mode === "decode") return (data) => decode(value(data));
  return (data) => {
    value(data);
    return undefined;
  };
}
