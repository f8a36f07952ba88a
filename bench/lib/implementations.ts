/**
 * Loads an implementation under test by name, through a dynamic import so
 * that a process only loads the runtime it measures.
 *
 * @module
 */
import type { BenchImplementation } from "../adapters/types.ts";

/** The implementations the harness knows. */
export const IMPLEMENTATIONS = ["destkit", "reference"] as const;

/** One of {@linkcode IMPLEMENTATIONS}. */
export type ImplementationName = (typeof IMPLEMENTATIONS)[number];

/** Returns the implementation called `name`. */
export async function loadImplementation(
  name: string,
): Promise<BenchImplementation> {
  switch (name) {
    case "destkit":
      return (await import("../adapters/destkit.ts")).destkit;
    case "reference":
      return (await import("../adapters/reference.ts")).reference;
    default:
      throw new RangeError(
        `Cannot load implementation "${name}": expected one of ${
          IMPLEMENTATIONS.join(", ")
        }`,
      );
  }
}

/**
 * Returns whether `core/mod.ts` exports `createDestination` yet, read from its
 * text: once it does, the destkit measures run, and a broken import fails the
 * run instead of skipping them.
 */
export async function hasDestkitRuntime(): Promise<boolean> {
  const mod = new URL("../../core/mod.ts", import.meta.url);
  try {
    return /^\s*createDestination,?\s*$|export\s*\{[^}]*\bcreateDestination\b/m
      .test(await Deno.readTextFile(mod));
  } catch {
    return false;
  }
}
