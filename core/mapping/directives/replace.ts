import { isObject } from "../_real_type.ts";
import { MAX_PATTERN_LENGTH, MAX_REPLACEMENT_LENGTH } from "../_validate.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

const SPECIAL = /[-[\]{}()*+?.,\\^$|#\s]/g;

type Step = (text: string) => string;

// The pattern is a literal (escaped); the replacement keeps `$&`, `$1` and `$$` live, as in Segment.
function compileStep(
  pattern: string,
  replacement: string,
  flags: string,
): Step {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    const message =
      `@replace requires a "pattern" less than ${MAX_PATTERN_LENGTH} characters`;
    return () => {
      throw new Error(message);
    };
  }
  if (replacement.length > MAX_REPLACEMENT_LENGTH) {
    const message =
      `@replace requires a "replacement" less than ${MAX_REPLACEMENT_LENGTH} characters`;
    return () => {
      throw new Error(message);
    };
  }
  const regExp = new RegExp(pattern.replace(SPECIAL, "\\$&"), flags);
  return (text) => text.replace(regExp, replacement);
}

/** `@replace`: replaces `pattern` (and then `pattern2`) in a string `value`. */
export function compileReplace(
  options: unknown,
  context: CompileContext,
): Resolver {
  if (!isObject(options)) {
    return failWith('@replace requires an object with a "pattern" key');
  }
  const { pattern, pattern2, value } = options;
  if (!pattern) return failWith('@replace requires a "pattern" key');
  const replacement = options.replacement ?? "";
  const replacement2 = pattern2 && options.replacement2 == null
    ? ""
    : options.replacement2;
  const ignorecase = options.ignorecase ?? false;
  const global = options.global ?? true;
  if (!value) return () => undefined;
  const input = context.compile(value);
  const usable = typeof pattern === "string" &&
    typeof replacement === "string" &&
    typeof ignorecase === "boolean" && typeof global === "boolean";
  if (!usable) {
    return (data) => {
      input(data);
      return "";
    };
  }
  const flags = `${global ? "g" : ""}${ignorecase ? "i" : ""}`;
  const first = compileStep(pattern, replacement, flags);
  const second =
    pattern2 && typeof pattern2 === "string" && typeof replacement2 === "string"
      ? compileStep(pattern2, replacement2, flags)
      : undefined;
  return (data) => {
    let resolved = input(data);
    if (typeof resolved === "boolean" || typeof resolved === "number") {
      resolved = String(resolved);
    }
    if (typeof resolved !== "string") return "";
    const replaced = first(resolved);
    return second === undefined ? replaced : second(replaced);
  };
}
