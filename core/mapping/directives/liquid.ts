import { liquidEngine, MAX_LIQUID_LENGTH } from "../_liquid_engine.ts";
import type { Liquid } from "liquidjs";
import { failWith, type Resolver } from "./_types.ts";

/** `@liquid`: a LiquidJS template (at most 1000 characters, some tags and filters disabled), parsed once. */
export function compileLiquid(value: unknown): Resolver {
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
      throw error;
    };
  }
  const engine = liquidEngine();
  return (data) => {
    const rendered: unknown = engine.renderSync(
      templates,
      data as object,
    );
    return typeof rendered === "string" ? rendered : "error";
  };
}
