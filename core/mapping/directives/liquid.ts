import {
  getLiquidKeys,
  liquidEngine,
  MAX_LIQUID_LENGTH,
} from "../_liquid_engine.ts";
import type { Liquid } from "liquidjs";
import { MappingResolveError } from "../mapping_resolve_error.ts";
import { MappingValueError } from "../mapping_value_error.ts";
import { isStackOverflow, valueTooDeep } from "../mapping_depth_error.ts";
import type { Checker, Directive, Stack } from "./_types.ts";
import { failWith } from "./_types.ts";

// What the engine threw while rendering: liquidjs wraps it as `originalError`.
function engineFault(error: unknown): unknown {
  const original = (error as { originalError?: unknown } | null)
    ?.originalError;
  return original ?? error;
}

// A fault of the template itself (liquidjs' ParseError, RenderError...): Segment's message, typed.
function templateFault(error: unknown): MappingResolveError {
  let message = "Cannot render the liquid template";
  try {
    if (error instanceof Error && typeof error.message === "string") {
      message = error.message;
    }
  } catch {
    // A message getter that throws leaves the generic message.
  }
  return new MappingResolveError(message, { cause: error });
}

/** `@liquid`: a LiquidJS template (at most 1000 characters, some tags and filters disabled), parsed once. */
export const liquidDirective: Directive = {
  name: "@liquid",
  compile(value, context) {
    if (typeof value !== "string") {
      return failWith("liquid template value must be a string");
    }
    if (value.length === 0) return () => "";
    if (value.length > MAX_LIQUID_LENGTH) {
      return failWith(
        `liquid template values are limited to ${MAX_LIQUID_LENGTH} characters`,
      );
    }
    let templates: ReturnType<Liquid["parse"]>;
    try {
      templates = liquidEngine().parse(value);
    } catch (error) {
      // Segment parses while resolving, so a parse error surfaces only when the directive runs.
      return () => {
        throw templateFault(error);
      };
    }
    const engine = liquidEngine();
    return (data) => {
      let rendered: unknown;
      try {
        rendered = engine.renderSync(templates, data as object);
      } catch (error) {
        // Event data the engine cannot read gets a typed error; template faults stay Segment's.
        const fault = engineFault(error);
        if (isStackOverflow(fault)) throw valueTooDeep(context.maxDepth);
        if (fault instanceof TypeError || fault instanceof RangeError) {
          throw new MappingValueError(
            `Cannot resolve mapping: ${context.place} cannot render the event: ${fault.message}`,
            { cause: error },
          );
        }
        throw templateFault(error);
      }
      if (typeof rendered !== "string") return "error";
      context.size(rendered.length);
      context.write(rendered.length);
      return rendered;
    };
  },
};

/** Checks the value under `@liquid` as Segment's validate does. */
export function liquidRule(value: unknown, check: Checker, stack: Stack): void {
  check.string(value, stack);
}

/** The event keys the value under `@liquid` reads, as Segment lists them (`undefined`: none, try the next key). */
export function liquidKeys(value: unknown): unknown[] | undefined {
  if (typeof value === "string") return getLiquidKeys(value);
}
