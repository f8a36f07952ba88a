import type { Resolver } from "./_types.ts";

/** Stands in for `@liquid` in builds without liquidjs: compiling a mapping that uses it fails. */
export function compileLiquidUnavailable(): Resolver {
  throw new Error(
    "Cannot compile @liquid: compileMappingWithoutLiquid leaves liquidjs out, use compileMapping",
  );
}
