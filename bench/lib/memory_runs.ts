/**
 * Runs the memory measure (`bench/mem.ts`) in rounds. Within a round every
 * implementation streams the same number of events: 100,000 (the profile's
 * count) unless the rates the suites measured say the round would not fit its
 * time budget, in which case all stream fewer, alike. The reference, whose
 * peak RSS no target uses, runs in the first round only.
 *
 * @module
 */
import type { MemoryResult } from "../mem.ts";
import type { SuiteResult } from "../suite.ts";
import { median } from "./harness.ts";
import { runClient } from "./processes.ts";
import type { Profile } from "./profiles.ts";

/** Options for {@linkcode runMemory}. */
export interface RunMemoryOptions {
  endpoint: string;
  pin: boolean;
  /** Returns the milliseconds each of `processesLeft` memory processes may take. */
  share(processesLeft: number): number;
  /** Receives a line per adjustment worth reporting. */
  note(message: string): void;
  /** Receives progress lines. */
  log(message: string): void;
}

/** Start-up of a memory process (loading, connecting), outside its streaming, in milliseconds. */
const STARTUP_MS = 2500;
const MINUTE = 60_000;

/** Returns the median end-to-end c=32 rate each sender reached in the suites (events/s). */
function streamingRates(runs: SuiteResult[]): Record<string, number> {
  const rates: Record<string, number> = {};
  const collect = (key: string, name: string) => {
    const found = runs.flatMap((run) =>
      run.measurements.filter((m) => m.name === name).map((m) => m.perSec)
    );
    if (found.length) rates[key] = median(found);
  };
  collect("destkit", "destkit_e2e_c32");
  collect("reference", "reference_e2e_c32");
  collect("baseline", "base_fetch_c32");
  return rates;
}

/** Runs every memory round and returns one result per process. */
export async function runMemory(
  impls: readonly string[],
  runs: SuiteResult[],
  profile: Profile,
  options: RunMemoryOptions,
): Promise<MemoryResult[]> {
  const rates = streamingRates(runs);
  const rounds = Array.from(
    { length: profile.memoryRuns },
    (
      _,
      r,
    ) => [
      ...impls.filter((impl) => r === 0 || impl !== "reference"),
      "baseline",
    ],
  );
  let processesLeft = rounds.reduce((sum, round) => sum + round.length, 0);
  const memory: MemoryResult[] = [];
  for (let r = 0; r < rounds.length; r++) {
    const round = rounds[r];
    const perProcess = options.share(processesLeft);
    const streamingMs = Math.max(1000, perProcess - STARTUP_MS) * round.length;
    const msPerEvent = round.reduce(
      (sum, name) => sum + 1000 / (rates[name] ?? 1000),
      0,
    );
    const events = Math.max(
      Math.min(1000, profile.memoryEvents),
      Math.min(
        profile.memoryEvents,
        Math.floor((0.85 * streamingMs) / msPerEvent),
      ),
    );
    if (events < profile.memoryEvents) {
      options.note(
        `memory round ${
          r + 1
        }: ${events} events each (the time budget does not fit more)`,
      );
    }
    for (const impl of round) {
      // the cap is a safety bound: twice the expected time
      const maxMs = Math.round(
        Math.max(5000, 2 * events * 1000 / (rates[impl] ?? 1000)),
      );
      options.log(
        `memory ${r + 1}/${rounds.length}: ${impl}, ${
          events.toLocaleString("en-US")
        } events`,
      );
      const args = [
        "--impl",
        impl,
        "--endpoint",
        options.endpoint,
        "--events",
        String(events),
        "--max-ms",
        `${maxMs}`,
      ];
      const result = await runClient<MemoryResult>("mem.ts", args, {
        pin: options.pin,
        timeoutMs: maxMs + MINUTE,
      });
      if (result.capped) {
        options.note(
          `memory ${
            r + 1
          } ${impl}: time cap reached after ${result.events} events`,
        );
      }
      memory.push(result);
      processesLeft--;
    }
  }
  return memory;
}
