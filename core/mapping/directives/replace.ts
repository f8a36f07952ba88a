import { isObject } from "../_real_type.ts";
import { MAX_PATTERN_LENGTH, MAX_REPLACEMENT_LENGTH } from "../_validate.ts";
import { type CompileContext, failWith, type Resolver } from "./_types.ts";

const SPECIAL = /[-[\]{}()*+?.,\\^$|#\s]/g;

type Step = (text: string) => string;

/** What each match writes: literal characters, copies of the match, of the text before it and after it. */
interface Expansion {
  literal: number;
  match: number;
  before: number;
  after: number;
  /** The text each match becomes when it is `pattern` and the replacement has no `` $` `` or `$'`. */
  text: string;
}

// The pattern is a literal, so there are no groups: `$$` writes "$", `$&` the match,
// `` $` `` and `$'` the text before and after it, any other `$` itself.
function measure(replacement: string, pattern: string): Expansion {
  const expansion = { literal: 0, match: 0, before: 0, after: 0, text: "" };
  for (let index = 0; index < replacement.length; index++) {
    const next = replacement[index + 1];
    if (replacement[index] === "$" && next !== undefined) {
      const part = next === "$"
        ? "literal"
        : next === "&"
        ? "match"
        : next === "`"
        ? "before"
        : next === "'"
        ? "after"
        : undefined;
      if (part !== undefined) {
        expansion[part]++;
        expansion.text += part === "match"
          ? pattern
          : part === "literal"
          ? "$"
          : "";
        index++;
        continue;
      }
    }
    expansion.literal++;
    expansion.text += replacement[index];
  }
  return expansion;
}

// Returns where `pattern` matches in `text` (each match as long as the pattern, as a literal pattern is).
function* matches(text: string, regExp: RegExp, global: boolean) {
  const finder = new RegExp(regExp.source, regExp.flags.replace("g", "") + "g");
  let found: RegExpExecArray | null;
  while ((found = finder.exec(text)) !== null) {
    yield found.index;
    if (!global) return;
  }
}

// The pattern is a literal (escaped); the replacement keeps `$&`, `$1` and `$$` live, as in Segment.
// The size of the result is known before it is built, so a replacement that would outgrow
// `maxOutputSize` throws instead of asking the engine for a string it cannot hold.
function compileStep(
  pattern: string,
  replacement: string,
  flags: string,
  context: CompileContext,
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
  const global = flags.includes("g");
  const width = pattern.length;
  const { literal, match, before, after, text: written } = measure(
    replacement,
    pattern,
  );
  const change = literal + match * width - width;
  const { maxOutputSize } = context;
  if (global && !flags.includes("i") && before === 0 && after === 0) {
    // Every match is the pattern itself and becomes the same text: split and join, natively
    // and much faster than the engine's substitution of `$&` at each match.
    return (text) => {
      const { length } = text;
      context.size(length);
      if (length + change * Math.floor(length / width) > maxOutputSize) {
        // Counted until the result is known to be too large (change > 0 here).
        let size = length;
        for (
          let index = text.indexOf(pattern);
          index !== -1;
          index = text.indexOf(pattern, index + width)
        ) {
          size += change;
          context.size(size);
        }
      }
      const replaced = text.split(pattern).join(written);
      context.write(replaced.length);
      return replaced;
    };
  }
  return (text) => {
    const { length } = text;
    context.size(length);
    const most = global ? Math.floor(length / width) : 1;
    if (before > 0 || after > 0) {
      let size = length;
      for (const index of matches(text, regExp, global)) {
        const rest = length - index - width;
        size += change + before * index + after * rest;
        // Later matches can remove at most the rest of the text.
        if (size - rest > maxOutputSize) context.size(size - rest);
      }
      context.size(size);
    } else if (length + change * most > maxOutputSize) {
      // Removing every match counts them natively.
      const count = (length - text.replace(regExp, "").length) / width;
      context.size(length + change * count);
    }
    const replaced = text.replace(regExp, replacement);
    context.size(replaced.length);
    context.write(replaced.length);
    return replaced;
  };
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
  const input = context.compile(value, "value");
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
  const first = compileStep(pattern, replacement, flags, context);
  const second =
    pattern2 && typeof pattern2 === "string" && typeof replacement2 === "string"
      ? compileStep(pattern2, replacement2, flags, context)
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
