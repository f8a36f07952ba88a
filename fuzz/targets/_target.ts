// The shape of one campaign target.
import type fc from "fast-check";
import type { Outcome } from "../_outcome.ts";

/** How big generated values may get. */
export interface SizeLimits {
  /** The longest huge string. */
  maxHuge: number;
  /** The deepest nesting chain in values. */
  maxNest: number;
  /** The longest chain of one mapping directive nested in itself. */
  maxChain: number;
}

/** One thing the campaign throws inputs at. */
export interface Target {
  /** The name used in reports and replay keys. */
  name: string;
  /** What the inputs look like. */
  arbitrary(limits: SizeLimits): fc.Arbitrary<unknown>;
  /** Runs one input and classifies what happened; never throws. */
  run(input: unknown): Promise<Outcome>;
  /** Loads what the first input would otherwise load (so its time is not the target's). */
  warm?(): Promise<void>;
  /** Releases what the target started (servers), if anything. */
  close?(): Promise<void>;
}
