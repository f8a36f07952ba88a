/**
 * The counts, warm-ups and caps of each measure, per run size: `full` is
 * SCENARIO.md section 4, `quick` a CI smoke test (checks it works, not how
 * fast), `tiny` the harness's own test.
 *
 * @module
 */
import type { LoopBounds } from "./harness.ts";

/** The bounds of every measure and the repetitions of one run size. */
export interface Profile {
  name: "full" | "quick" | "tiny";
  /** Suite processes per implementation. */
  repetitions: number;
  /** Events the correctness gate compares (the digest check always sends its 2,002 requests). */
  gateEvents: number;
  jsonRoundtrip: LoopBounds;
  handMapStringify: LoopBounds;
  mapValidate: LoopBounds;
  onEventNoIO: LoopBounds;
  e2eC1: LoopBounds;
  e2eC32: LoopBounds;
  batch1000: LoopBounds;
  /** Events streamed by each memory process. */
  memoryEvents: number;
  /** Memory processes per implementation. */
  memoryRuns: number;
  /** Measured cold starts per implementation (after one unmeasured round). */
  coldStartRuns: number;
  /** The whole run's time budget, in milliseconds: caps shrink to keep within it. */
  budgetMs: number;
}

const FULL: Profile = {
  name: "full",
  repetitions: 3,
  gateEvents: 10_000,
  jsonRoundtrip: { warmup: 10_000, measured: 100_000, capMs: 10_000 },
  handMapStringify: { warmup: 10_000, measured: 100_000, capMs: 10_000 },
  mapValidate: { warmup: 5_000, measured: 50_000, capMs: 15_000 },
  onEventNoIO: { warmup: 3_000, measured: 30_000, capMs: 15_000 },
  e2eC1: { warmup: 1_000, measured: 5_000, capMs: 20_000 },
  e2eC32: { warmup: 3_000, measured: 20_000, capMs: 20_000 },
  batch1000: { warmup: 5, measured: 30, capMs: 30_000 },
  memoryEvents: 100_000,
  memoryRuns: 3,
  coldStartRuns: 10,
  budgetMs: 570_000,
};

const QUICK: Profile = {
  name: "quick",
  repetitions: 1,
  gateEvents: 10_000,
  jsonRoundtrip: { warmup: 1_000, measured: 5_000, capMs: 1_000 },
  handMapStringify: { warmup: 1_000, measured: 5_000, capMs: 1_000 },
  mapValidate: { warmup: 500, measured: 3_000, capMs: 1_500 },
  onEventNoIO: { warmup: 300, measured: 2_000, capMs: 1_500 },
  e2eC1: { warmup: 100, measured: 500, capMs: 2_000 },
  e2eC32: { warmup: 300, measured: 2_000, capMs: 2_000 },
  batch1000: { warmup: 1, measured: 3, capMs: 3_000 },
  memoryEvents: 5_000,
  memoryRuns: 1,
  coldStartRuns: 2,
  budgetMs: 55_000,
};

const TINY: Profile = {
  name: "tiny",
  repetitions: 1,
  gateEvents: 300,
  jsonRoundtrip: { warmup: 50, measured: 300, capMs: 500 },
  handMapStringify: { warmup: 50, measured: 300, capMs: 500 },
  mapValidate: { warmup: 50, measured: 300, capMs: 500 },
  onEventNoIO: { warmup: 50, measured: 300, capMs: 500 },
  e2eC1: { warmup: 20, measured: 100, capMs: 1_000 },
  e2eC32: { warmup: 64, measured: 300, capMs: 1_000 },
  batch1000: { warmup: 1, measured: 1, capMs: 2_000 },
  memoryEvents: 300,
  memoryRuns: 1,
  coldStartRuns: 1,
  budgetMs: 25_000,
};

/** Returns the profile called `name`. */
export function getProfile(name: string): Profile {
  const profiles: Record<string, Profile> = {
    full: FULL,
    quick: QUICK,
    tiny: TINY,
  };
  const profile = profiles[name];
  if (profile === undefined) {
    throw new RangeError(
      `Cannot use profile "${name}": expected full, quick or tiny`,
    );
  }
  return profile;
}
