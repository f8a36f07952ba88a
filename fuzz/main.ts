// deno-lint-ignore-file no-console
/**
 * `deno task fuzz`: a seeded, bounded fuzz campaign over mappings, events, subscription
 * queries, field definitions, payloads, full destination runs against a hostile fake
 * partner, and the tester's HTTP API. Every shard runs in its own process with a time
 * limit per input; the campaign fails on any untyped failure or process death.
 *
 * @module
 */
import { InvalidArgumentError } from "@commander-js/extra-typings";
import { createCommand } from "../cli/_command.ts";
import { runMain, style } from "../cli/_output.ts";
import { type CampaignOptions, replayInput, runCampaign } from "./campaign.ts";
import { campaignPassed, formatReport } from "./report.ts";
import {
  createTargets,
  DEFAULT_ROTATION,
  type SizeLimits,
} from "./targets/mod.ts";

/** Size limits of the release campaign. */
export const LONG_LIMITS: SizeLimits = {
  maxHuge: 1_000_000,
  maxNest: 5_000,
  maxChain: 24,
};

/** Size limits of `--quick` (CI). */
export const QUICK_LIMITS: SizeLimits = {
  maxHuge: 100_000,
  maxNest: 1_000,
  maxChain: 12,
};

/** The fixed seeds of `--quick`. */
export const QUICK_SEEDS: readonly number[] = [1, 2, 3];

/** Inputs per seed in `--quick`. */
export const QUICK_INPUTS = 600;

/** The campaign `--quick` runs (CI), without progress output. */
export function quickCampaign(): CampaignOptions {
  return {
    seeds: QUICK_SEEDS,
    inputs: QUICK_INPUTS,
    rotation: DEFAULT_ROTATION,
    limits: QUICK_LIMITS,
    shardSize: QUICK_INPUTS,
    minimize: 3,
    minimizeMs: 3_000,
  };
}

function parseCount(value: string): number {
  const count = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError(`"${value}" is not a positive whole number`);
  }
  return count;
}

function parseSeeds(value: string): number[] {
  return value.split(",").map((part) => {
    const seed = Number(part);
    if (!Number.isSafeInteger(seed)) {
      throw new InvalidArgumentError(`"${part}" is not a whole-number seed`);
    }
    return seed;
  });
}

function parseTargets(value: string): string[] {
  const known = Object.keys(createTargets());
  const names = value.split(",").map((part) => part.trim());
  for (const name of names) {
    if (!known.includes(name)) {
      throw new InvalidArgumentError(
        `"${name}" is not a target (${known.join(", ")})`,
      );
    }
  }
  return names;
}

function parseKey(value: string): { seed: number; index: number } {
  const match = /^(-?\d+):(\d+)$/.exec(value);
  if (match === null) {
    throw new InvalidArgumentError(
      `"${value}" is not <seed>:<index>, such as 1:42`,
    );
  }
  return { seed: Number(match[1]), index: Number(match[2]) };
}

/** The `deno task fuzz` command; `setExitCode` receives 1 when the campaign fails. */
export function fuzzCommand(setExitCode: (code: number) => void = () => {}) {
  return createCommand(
    "fuzz",
    "Run the seeded fuzz campaign: hostile mappings, events, queries, fields, " +
      "payloads, partner responses and tester requests, each shard in its own process. " +
      "Each input runs in a shard process; an input that kills or hangs its process is " +
      "reported with its <seed>:<index>. The campaign exits with 1 on any untyped failure " +
      "(anything but the library's typed errors, a malformed result, a password setting " +
      "in a result or log, a tester answer that breaks its threat model) or process death.",
    [
      "deno task fuzz --quick",
      "deno task fuzz --inputs 1000000 --seed 7",
      "deno task fuzz --inputs 1000000 --time-limit 1800",
      "deno task fuzz --inputs 20000 --targets mapping,fql --jobs 2",
      "deno task fuzz --replay 7:123456",
    ],
  )
    .option(
      "--quick",
      `the CI campaign: seeds ${
        QUICK_SEEDS.join(",")
      }, ${QUICK_INPUTS} inputs each, smaller values`,
    )
    .option("--inputs <count>", "inputs per seed", parseCount, 1_000_000)
    .option(
      "--seed <seeds>",
      "the seed, or several separated by commas (default: a random one)",
      parseSeeds,
    )
    .option(
      "--targets <names>",
      "the targets, separated by commas (default: all but selftest, weighted)",
      parseTargets,
    )
    .option(
      "--jobs <count>",
      "shard processes at once",
      parseCount,
      navigator.hardwareConcurrency,
    )
    .option(
      "--shard-size <count>",
      "inputs per shard process",
      parseCount,
      10_000,
    )
    .option(
      "--time-limit <seconds>",
      "start no new shard after this long (the report counts what ran)",
      parseCount,
    )
    .option(
      "--input-timeout <ms>",
      "an input running longer counts as a hang",
      parseCount,
      3_000,
    )
    .option(
      "--examples <count>",
      "untyped failure kinds shown (and shrunk) at most",
      parseCount,
      10,
    )
    .option(
      "--replay <seed:index>",
      "run one input in its own process and print it with its outcome",
      parseKey,
    )
    .action(async (options) => {
      const quick = options.quick === true;
      const rotation = options.targets ?? DEFAULT_ROTATION;
      const limits = quick ? QUICK_LIMITS : LONG_LIMITS;
      const replayArguments = options.targets === undefined
        ? quick ? " --quick" : ""
        : ` --targets ${rotation.join(",")}${quick ? " --quick" : ""}`;
      if (options.replay !== undefined) {
        const { seed, index } = options.replay;
        const { output, death } = await replayInput(seed, index, {
          rotation,
          limits,
          timeoutMs: options.inputTimeout + 10_000,
        });
        console.log(output.trimEnd());
        if (/^Outcome: untyped/m.test(output)) setExitCode(1);
        if (death !== undefined) {
          console.log(style.red(`The process died: ${death}`));
          setExitCode(1);
        }
        return;
      }
      const base = quick ? quickCampaign() : {
        seeds: options.seed ?? [Math.floor(Math.random() * 2 ** 31)],
        inputs: options.inputs,
        rotation,
        limits,
        shardSize: options.shardSize,
        minimize: Math.min(options.examples, 10),
      };
      const campaign: CampaignOptions = {
        ...base,
        ...(quick && options.seed !== undefined ? { seeds: options.seed } : {}),
        rotation,
        jobs: options.jobs,
        inputTimeoutMs: options.inputTimeout,
        ...(options.timeLimit === undefined
          ? {}
          : { timeLimitMs: options.timeLimit * 1000 }),
        onProgress: (done, total) => {
          if (Deno.stderr.isTerminal()) {
            Deno.stderr.writeSync(
              new TextEncoder().encode(`\r${done}/${total} inputs`),
            );
          }
        },
      };
      console.log(
        `${style.bold("Fuzzing")} ${
          campaign.seeds.length * campaign.inputs
        } inputs (seeds ${
          campaign.seeds.join(",")
        }) in ${campaign.jobs} processes at once…`,
      );
      const report = await runCampaign(campaign);
      if (Deno.stderr.isTerminal()) {
        Deno.stderr.writeSync(new TextEncoder().encode("\n"));
      }
      console.log(
        formatReport(report, { examples: options.examples, replayArguments }),
      );
      setExitCode(campaignPassed(report) ? 0 : 1);
    });
}

if (import.meta.main) {
  await runMain(async () => {
    let code = 0;
    await fuzzCommand((value) => code = value).parseAsync(Deno.args, {
      from: "user",
    });
    return code;
  });
}
