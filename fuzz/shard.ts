// deno-lint-ignore-file no-console
/**
 * One shard of the fuzz campaign, run in its own process by `fuzz/main.ts`. It announces
 * each input on stdout before running it (`b <index>`), so that a shard that dies or hangs
 * names the input at fault; after it, an untyped failure (`f <json>`) and the outcome
 * (`r <index> <kind> <ms>`); `e` when the shard is done. With `mode: "replay"` it prints one input and its outcome; with
 * `mode: "minimize"` it shrinks one failing input with fast-check.
 *
 * @module
 */
import fc from "fast-check";
import { inputSeed, InputSource } from "./_inputs.ts";
import { clip, describe, type Outcome, untyped } from "./_outcome.ts";
import { createTargets, type SizeLimits } from "./targets/mod.ts";

/** What the parent passes to a shard, as JSON in its first argument. */
export interface ShardArguments {
  mode: "run" | "replay" | "minimize";
  seed: number;
  start: number;
  count: number;
  rotation: string[];
  limits: SizeLimits;
  /** For `minimize`: the signature the shrunk input must keep. */
  signature?: string;
  /** For `minimize`: stop shrinking after this long. */
  minimizeMs?: number;
}

/** One untyped failure as a shard reports it. */
export interface ShardFailure {
  index: number;
  target: string;
  signature: string;
  message: string;
}

const encoder = new TextEncoder();

function emit(line: string): void {
  const bytes = encoder.encode(`${line}\n`);
  let written = 0;
  while (written < bytes.length) {
    written += Deno.stdout.writeSync(bytes.subarray(written));
  }
}

/** Shows a generated input compactly: huge strings and arrays cut, prototypes shown. */
export function showInput(input: unknown): string {
  return Deno.inspect(input, {
    depth: 12,
    strAbbreviateSize: 120,
    iterableLimit: 12,
    breakLength: 100,
    colors: false,
  });
}

async function runShard(
  args: ShardArguments,
  source: InputSource,
): Promise<void> {
  const reported = new Map<string, number>();
  for (let index = args.start; index < args.start + args.count; index++) {
    emit(`b ${index}`);
    const target = source.targetOf(index);
    const input = source.inputOf(args.seed, index);
    const began = performance.now();
    let outcome: Outcome;
    try {
      outcome = await target.run(input);
    } catch (error) {
      outcome = untyped("The campaign's target threw", describe(error));
    }
    const ms = performance.now() - began;
    if (outcome.kind === "untyped") {
      const signature = `${target.name}: ${outcome.signature}`;
      const seen = reported.get(signature) ?? 0;
      reported.set(signature, seen + 1);
      // Every failure is counted; only the first few of each kind carry their text.
      const failure: ShardFailure = {
        index,
        target: target.name,
        signature,
        message: seen < 3 ? clip(outcome.message ?? "", 2_000) : "",
      };
      emit(`f ${JSON.stringify(failure)}`);
    }
    emit(`r ${index} ${outcome.kind} ${ms.toFixed(2)}`);
  }
  emit("e");
}

async function replay(
  args: ShardArguments,
  source: InputSource,
): Promise<void> {
  const target = source.targetOf(args.start);
  const input = source.inputOf(args.seed, args.start);
  console.log(`Input ${args.seed}:${args.start} (target ${target.name}):`);
  console.log(showInput(input));
  const began = performance.now();
  const outcome = await target.run(input);
  const ms = performance.now() - began;
  console.log(`Outcome: ${outcome.kind} in ${ms.toFixed(1)} ms`);
  if (outcome.message !== undefined) console.log(outcome.message);
}

async function minimize(
  args: ShardArguments,
  source: InputSource,
): Promise<void> {
  const target = source.targetOf(args.start);
  const arbitrary = source.arbitraryOf(target);
  const property = fc.asyncProperty(arbitrary, async (input) => {
    const outcome = await target.run(input);
    return !(outcome.kind === "untyped" &&
      `${target.name}: ${outcome.signature}` === args.signature);
  });
  const details = await fc.check(property, {
    seed: inputSeed(args.seed, args.start),
    numRuns: 1,
    interruptAfterTimeLimit: args.minimizeMs ?? 5_000,
    markInterruptAsFailure: false,
  });
  const example = details.counterexample?.[0];
  emit(
    `m ${
      JSON.stringify(details.failed ? clip(showInput(example), 4_000) : null)
    }`,
  );
}

if (import.meta.main) {
  const args = JSON.parse(Deno.args[0]) as ShardArguments;
  const targets = createTargets();
  const source = new InputSource(targets, args.rotation, args.limits);
  for (const name of new Set(args.rotation)) await targets[name]?.warm?.();
  if (args.mode === "replay") await replay(args, source);
  else if (args.mode === "minimize") await minimize(args, source);
  else await runShard(args, source);
  for (const target of Object.values(targets)) await target.close?.();
  Deno.exit(0);
}
