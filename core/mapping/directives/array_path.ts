import { parsePath, readPath, stripRoot } from "../_path.ts";
import { isObject, realTypeOf } from "../_real_type.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

/** `@arrayPath`: `[path, shape?]`; each item (a single object counts as one) is mapped through `shape`. */
export function compileArrayPath(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!Array.isArray(options)) {
    return failWith(`@arrayPath expected array, got ${realTypeOf(options)}`);
  }
  const [path, shape] = options;
  let root: Resolver;
  if (typeof path === "string") {
    const segments = parsePath(stripRoot(path));
    root = (data) => readPath(data, segments);
  } else {
    root = context.compile(path);
  }
  if (!isObject(shape) || Object.keys(shape).length === 0) return root;
  const item = context.compile(shape);
  return (data) => {
    const value = root(data);
    if (Array.isArray(value)) return value.map((entry) => item(entry));
    if (isObject(value)) return [item(value)];
    return value;
  };
}
