import type { Checker, CompileContext, Stack, ValueKeys } from "./_types.ts";
import { failWith, objectDirective } from "./_types.ts";

/** The longest `pattern` and `replacement`. */
const MAX_LENGTH = 10;

const SPECIAL = /[-[\]{}()*+?.,\\^$|#\s]/g;

type Step = (text: string) => string;

// With a literal pattern there are no groups: `$$` writes "$", `$&` the match, `` $` `` and `$'`
// the text before and after it; any other `$` is itself.
const TOKENS = /\$[$&`']/g;

// The pattern is a literal (escaped); the replacement keeps `$&` and `$$` live, as in Segment.
// The size of the result is known before it is built, so a replacement that would outgrow
// `maxOutputSize` throws instead of asking the engine for a string it cannot hold.
function compileStep(
  pattern: string,
  replacement: string,
  global: boolean,
  ignorecase: boolean,
  context: CompileContext,
): Step {
  for (
    const [name, text] of [["pattern", pattern], ["replacement", replacement]]
  ) {
    if (text.length > MAX_LENGTH) {
      return failWith(
        `@replace requires a "${name}" less than ${MAX_LENGTH} characters`,
      ) as Step;
    }
  }
  const regExp = new RegExp(
    pattern.replace(SPECIAL, "\\$&"),
    `${global ? "g" : ""}${ignorecase ? "i" : ""}`,
  );
  const width = pattern.length;
  let match = 0;
  let before = 0;
  let after = 0;
  // What a match that is the pattern itself becomes, without the text before and after it.
  const written = replacement.replace(TOKENS, (token) => {
    if (token === "$$") return "$";
    if (token === "$&") return match++, pattern;
    token === "$`" ? before++ : after++;
    return "";
  });
  const change = written.length - width;
  // Split and joined natively: much faster than the engine's substitution at each match.
  const joins = global && !before && !after && !(match && ignorecase);
  return (text) => {
    const { length } = text;
    context.size(length);
    const index = text.search(regExp);
    // The text between matches, which places each match.
    const parts = global
      ? text.split(ignorecase ? regExp : pattern)
      : index < 0
      ? [text]
      : [text.slice(0, index), ""];
    const count = parts.length - 1;
    context.work(count);
    let size = length + count * change;
    for (let place = 0, at = 0; (before || after) && at < count; at++) {
      place += parts[at].length;
      const rest = length - place - width;
      size += before * place + after * rest;
      // Later matches can remove at most the rest of the text.
      context.size(size - rest);
      place += width;
    }
    context.size(size);
    const replaced = joins
      ? parts.join(written)
      : text.replace(regExp, replacement);
    context.write(replaced.length);
    return replaced;
  };
}

/** `@replace`: replaces `pattern` (and then `pattern2`) in a string `value`. */
export const replaceDirective = objectDirective({
  name: "@replace",
  needs: 'a "pattern" key',
  requires: ["pattern"],
  compile(options, context) {
    const { pattern, pattern2, value } = options;
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
    const first = compileStep(
      pattern,
      replacement,
      global,
      ignorecase,
      context,
    );
    const second = pattern2 && typeof pattern2 === "string" &&
        typeof replacement2 === "string"
      ? compileStep(pattern2, replacement2, global, ignorecase, context)
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
  },
});

/** Checks the value under `@replace` as Segment's validate does. */
export function replaceRule(
  value: unknown,
  check: Checker,
  stack: Stack,
): void {
  check.fields(value, {
    pattern: [check.length(1, MAX_LENGTH), true],
    replacement: [check.length(0, MAX_LENGTH)],
    value: [check.stringOrDirective, true],
    ignorecase: [check.boolean],
    global: [check.boolean],
  }, stack);
}

/** The event keys the value under `@replace` reads, as Segment lists them: those of `value`, once there is a `pattern`. */
export const replaceKeys: ValueKeys = { valueWhen: "pattern" };
