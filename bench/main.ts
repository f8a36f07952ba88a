// deno-lint-ignore-file no-console
/**
 * `deno task bench [--quick | --tiny] [--out FILE]`: the bench-webhook
 * benchmark of SCENARIO.md. It starts the loopback sink in its own process
 * (CPU 1), runs the correctness gate, then every measure in client processes
 * (CPU 0) for destkit, for `@segment/actions-core` and for the hand-written
 * baseline over Deno's `fetch`, and prints a table of events/s, ratios and
 * README.md's targets; the same goes to `bench/results/latest.json`. Every
 * loop is bounded in count and time, and the caps shrink when the machine is
 * slow so that the whole run keeps within its profile's budget.
 *
 * @module
 */
import type { ExtraResult } from "./extras.ts";
import type { MemoryResult } from "./mem.ts";
import type { GateResult, SuiteResult } from "./suite.ts";
import { measureColdStarts } from "./lib/cold_starts.ts";
import { runMemory } from "./lib/memory_runs.ts";
import { Option } from "@commander-js/extra-typings";
import { createCommand } from "../cli/_command.ts";
import { printError, runMain } from "../cli/_output.ts";
import { hasDestkitRuntime } from "./lib/implementations.ts";
import { canPin, runClient, startSink } from "./lib/processes.ts";
import { getProfile, type Profile } from "./lib/profiles.ts";
import {
  type ColdStartSeries,
  renderSummary,
  summarize,
  type Summary,
} from "./lib/report.ts";

/** What `bench/results/latest.json` holds. */
export interface BenchReport {
  meta: {
    date: string;
    deno: typeof Deno.version;
    profile: string;
    repetitions: number;
    pinned: boolean;
    cpus: number;
    loadAverage: number[];
    implementations: string[];
    notes: string[];
    totalMs: number;
  };
  gate: GateResult[];
  runs: SuiteResult[];
  memory: MemoryResult[];
  coldStart: ColdStartSeries[];
  extras: ExtraResult[];
  summary: Summary;
}

const MINUTE = 60_000;
/** When each phase must end, as a share of the profile's budget. */
const PHASE_END = {
  suites: 0.6,
  extras: 0.66,
  memory: 0.95,
  coldStart: 1,
} as const;
/** The share of the suite phase a process of each implementation gets: the reference's take about twice as long. */
const SUITE_WEIGHT: Record<string, number> = { destkit: 1, reference: 2 };

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Splits what is left of a phase between the processes still to run in it. */
function createBudget(profile: Profile, started: number) {
  return function share(
    phase: keyof typeof PHASE_END,
    processesLeft: number,
  ): number {
    const end = started + profile.budgetMs * PHASE_END[phase];
    return Math.max(0, end - performance.now()) / processesLeft;
  };
}

async function runGates(
  impls: string[],
  common: string[],
  pin: boolean,
): Promise<GateResult[]> {
  const gate: GateResult[] = [];
  for (const impl of impls) {
    log(`correctness gate: ${impl}`);
    const args = ["--impl", impl, "--mode", "gate", ...common];
    if (gate.length === 0) args.push("--with-baseline");
    gate.push(
      await runClient<GateResult>("suite.ts", args, {
        pin,
        timeoutMs: 3 * MINUTE,
      }),
    );
  }
  return gate;
}

async function runSuites(
  impls: string[],
  common: string[],
  profile: Profile,
  options: {
    pin: boolean;
    share: ReturnType<typeof createBudget>;
    notes: string[];
  },
): Promise<SuiteResult[]> {
  const runs: SuiteResult[] = [];
  let weightLeft = profile.repetitions *
    impls.reduce((sum, impl) => sum + SUITE_WEIGHT[impl], 0);
  for (let r = 0; r < profile.repetitions; r++) {
    const order = r % 2 === 0 ? impls : [...impls].reverse();
    for (const impl of order) {
      // keep 3 s for starting the process and generating the pool
      const budgetMs = Math.max(
        1000,
        (options.share("suites", 1) * SUITE_WEIGHT[impl]) / weightLeft - 3000,
      );
      weightLeft -= SUITE_WEIGHT[impl];
      log(`run ${r + 1}/${profile.repetitions}: ${impl}`);
      const args = [
        "--impl",
        impl,
        "--mode",
        "time",
        "--budget-ms",
        String(Math.round(budgetMs)),
        ...common,
      ];
      const run = await runClient<SuiteResult>("suite.ts", args, {
        pin: options.pin,
        timeoutMs: 6 * MINUTE,
      });
      const scaled = run.measurements.filter((m) => m.capScale !== undefined);
      if (scaled.length > 0) {
        const smallest = Math.min(...scaled.map((m) => m.capScale!));
        options.notes.push(
          `run ${
            r + 1
          } ${impl}: the time budget scaled the caps of ${scaled.length} measures (down to ${
            smallest.toFixed(2)
          })`,
        );
      }
      runs.push(run);
    }
  }
  return runs;
}

async function runExtras(
  profile: Profile,
  pin: boolean,
): Promise<ExtraResult[]> {
  if (profile.name === "tiny") {
    return [{
      file: "mapping.ts, fql.ts",
      skipped: "not run by the tiny profile",
    }];
  }
  log("area benchmarks (bench/mapping.ts, bench/fql.ts)");
  try {
    const args = profile.name === "full" ? [] : ["--quick"];
    return await runClient<ExtraResult[]>("extras.ts", args, {
      pin,
      timeoutMs: 3 * MINUTE,
    });
  } catch (error) {
    const skipped = `failed: ${error instanceof Error ? error.message : error}`;
    return [{ file: "mapping.ts, fql.ts", skipped }];
  }
}

async function loadAverage(): Promise<number[]> {
  try {
    return (await Deno.readTextFile("/proc/loadavg")).split(" ").slice(0, 3)
      .map(Number);
  } catch {
    return [];
  }
}

/** What `deno task bench` is asked for. */
interface BenchOptions {
  quick?: true;
  tiny?: true;
  out?: string;
}

/** The `deno task bench` command. */
export function benchCommand(run: (options: BenchOptions) => Promise<void>) {
  return createCommand(
    "bench",
    "Run the bench-webhook benchmark: destkit against @segment/actions-core and a hand-written sender over fetch, after a correctness gate; a full run takes up to 10 minutes",
    [
      "deno task bench --quick",
      "deno task bench",
      "deno task bench --tiny --out /tmp/bench.json",
    ],
  )
    .addOption(
      new Option(
        "--quick",
        "a smoke run for CI, under a minute: checks that it works, not how fast",
      ).conflicts("tiny"),
    )
    .option("--tiny", "the smallest run, as bench_test.ts runs it")
    .option(
      "--out <file>",
      "where the JSON report goes (default: bench/results/latest.json)",
    )
    .action(async (options) => {
      await run(options);
    });
}

async function main(flags: BenchOptions): Promise<void> {
  const profile = getProfile(
    flags.tiny ? "tiny" : flags.quick ? "quick" : "full",
  );
  const outPath = flags.out ??
    new URL("./results/latest.json", import.meta.url).pathname;
  const started = performance.now();
  const share = createBudget(profile, started);
  const notes: string[] = [];
  const pin = await canPin();
  notes.push(
    pin
      ? "pinned: sink on CPU 1, client processes on CPU 0 (taskset)"
      : "not pinned: taskset or a second CPU is missing, processes run unpinned",
  );
  const impls = ["reference"];
  if (await hasDestkitRuntime()) impls.unshift("destkit");
  else {notes.push(
      "destkit skipped: @destkit/core does not export createDestination yet",
    );}
  const load = await loadAverage();
  log(
    `profile ${profile.name}, ${impls.join(", ")} + baseline, load average ${
      load.join(" ")
    }; ${notes.join("; ")}`,
  );

  const sink = await startSink({
    pin,
    maxSeconds: Math.ceil(profile.budgetMs / 1000) + 300,
  });
  log(`sink pid ${sink.pid} listening on ${sink.endpoint}`);
  const endpoint = sink.endpoint;
  const common = ["--endpoint", endpoint, "--profile", profile.name];
  try {
    const gate = await runGates(impls, common, pin);
    const runs = await runSuites(impls, common, profile, { pin, share, notes });
    const extras = await runExtras(profile, pin);
    const memory = await runMemory(impls, runs, profile, {
      endpoint,
      pin,
      share: (processesLeft) => share("memory", processesLeft),
      note: (message) => notes.push(message),
      log,
    });
    log(`cold start: ${profile.coldStartRuns} runs each, interleaved`);
    const deadline = started + profile.budgetMs * PHASE_END.coldStart;
    const coldStart = await measureColdStarts(impls, {
      endpoint,
      pin,
      runs: profile.coldStartRuns,
      deadline,
    });

    const summary = summarize(runs, memory, coldStart);
    const report: BenchReport = {
      meta: {
        date: new Date().toISOString(),
        deno: Deno.version,
        profile: profile.name,
        repetitions: profile.repetitions,
        pinned: pin,
        cpus: navigator.hardwareConcurrency,
        loadAverage: load,
        implementations: [...impls, "baseline"],
        notes,
        totalMs: performance.now() - started,
      },
      gate,
      runs,
      memory,
      coldStart,
      extras,
      summary,
    };
    await Deno.mkdir(new URL(".", `file://${outPath}`), { recursive: true });
    await Deno.writeTextFile(outPath, JSON.stringify(report, null, 2) + "\n");
    console.log(`\n${renderSummary(summary, extras)}\n`);
    for (const note of notes) console.log(`note: ${note}`);
    log(
      `done in ${
        ((performance.now() - started) / 1000).toFixed(1)
      } s; JSON written to ${outPath}`,
    );
  } finally {
    await sink.stop();
  }
}

if (import.meta.main) {
  await runMain(async () => {
    try {
      await benchCommand(main).parseAsync(Deno.args, { from: "user" });
    } catch (error) {
      printError(
        `The benchmark failed: ${
          error instanceof Error ? error.message : error
        }`,
      );
      return 1;
    }
  });
}
