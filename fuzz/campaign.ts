/**
 * The fuzz campaign: splits the inputs of each seed into shards, runs every shard in its
 * own `deno run` process with a time limit per input, and counts each input's outcome.
 * A shard that dies or hangs is counted as a process death at the input it had announced,
 * and the rest of its range runs in a new process.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { ShardArguments, ShardFailure } from "./shard.ts";
import type { SizeLimits } from "./targets/mod.ts";

const SHARD = fileURLToPath(new URL("./shard.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Options of {@linkcode runCampaign}. */
export interface CampaignOptions {
  /** The seeds; each runs `inputs` inputs. */
  seeds: readonly number[];
  /** Inputs per seed. */
  inputs: number;
  /** Which target input `i` goes to: `rotation[i % rotation.length]`. */
  rotation: readonly string[];
  /** Size limits of generated values. */
  limits: SizeLimits;
  /** Inputs per shard process. @default {10_000} */
  shardSize?: number;
  /** Shard processes at once. @default {navigator.hardwareConcurrency} */
  jobs?: number;
  /** An input running longer kills its shard and counts as a hang. @default {3_000} */
  inputTimeoutMs?: number;
  /** Memory limit of a shard process, in MB. @default {1_536} */
  maxMemoryMb?: number;
  /** Untyped failure kinds to shrink with fast-check (the first input of each). @default {5} */
  minimize?: number;
  /** Time spent shrinking one example. @default {10_000} */
  minimizeMs?: number;
  /** No new shard starts after this long, in milliseconds; the report says how many inputs ran. @default {Infinity} */
  timeLimitMs?: number;
  /** Called after each finished shard with the inputs done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** A process death: the shard died or hung on input `seed:index`. */
export interface Death {
  seed: number;
  index: number;
  target: string;
  kind: "died" | "hung";
  /** The exit code or signal, or how long the input had run when the shard was killed. */
  detail: string;
  /** The end of the shard's stderr. */
  stderr: string;
}

/** All untyped failures with one signature. */
export interface FailureKind {
  signature: string;
  count: number;
  first: { seed: number; index: number; target: string; message: string };
  /** The first input shrunk by fast-check, when shrinking finished in time. */
  minimized?: string;
}

/** Counts per target. */
export interface TargetCounts {
  ok: number;
  typed: number;
  untyped: number;
  deaths: number;
  /** The target's slowest input, `seed:index`, and its time. */
  slowest?: { input: string; ms: number };
}

/** What a campaign found. */
export interface CampaignReport {
  seeds: readonly number[];
  inputs: number;
  ran: number;
  ok: number;
  typed: number;
  untyped: number;
  deaths: Death[];
  failures: FailureKind[];
  byTarget: Record<string, TargetCounts>;
  slowest: { seed: number; index: number; target: string; ms: number };
  wallMs: number;
  processes: number;
}

interface Range {
  seed: number;
  start: number;
  end: number;
}

/** Runs the campaign and returns its report; never throws for what an input does. */
export async function runCampaign(
  options: CampaignOptions,
): Promise<CampaignReport> {
  const {
    seeds,
    inputs,
    rotation,
    limits,
    shardSize = 10_000,
    jobs = navigator.hardwareConcurrency,
    inputTimeoutMs = 3_000,
    maxMemoryMb = 1_536,
    minimize = 5,
    minimizeMs = 10_000,
    timeLimitMs = Infinity,
    onProgress,
  } = options;
  const began = performance.now();
  const report: CampaignReport = {
    seeds,
    inputs: seeds.length * inputs,
    ran: 0,
    ok: 0,
    typed: 0,
    untyped: 0,
    deaths: [],
    failures: [],
    byTarget: {},
    slowest: { seed: 0, index: -1, target: "", ms: 0 },
    wallMs: 0,
    processes: 0,
  };
  const kinds = new Map<string, FailureKind>();
  const queue: Range[] = [];
  for (const seed of seeds) {
    for (let start = 0; start < inputs; start += shardSize) {
      queue.push({ seed, start, end: Math.min(inputs, start + shardSize) });
    }
  }
  const targetOf = (index: number) => rotation[index % rotation.length];
  const countsOf = (target: string) =>
    report.byTarget[target] ??= { ok: 0, typed: 0, untyped: 0, deaths: 0 };
  const sink: ShardSink = {
    outcome(seed, index, kind, ms) {
      report.ran++;
      report[kind]++;
      const counts = countsOf(targetOf(index));
      counts[kind]++;
      if (ms > (counts.slowest?.ms ?? -1)) {
        counts.slowest = { input: `${seed}:${index}`, ms };
      }
      if (ms > report.slowest.ms) {
        report.slowest = { seed, index, target: targetOf(index), ms };
      }
    },
    failure(seed, failure) {
      const known = kinds.get(failure.signature);
      if (known === undefined) {
        kinds.set(failure.signature, {
          signature: failure.signature,
          count: 1,
          first: {
            seed,
            index: failure.index,
            target: failure.target,
            message: failure.message,
          },
        });
      } else {
        known.count++;
        if (
          failure.index < known.first.index && known.first.seed === seed &&
          failure.message !== ""
        ) {
          known.first = {
            seed,
            index: failure.index,
            target: failure.target,
            message: failure.message,
          };
        }
      }
    },
    death(death) {
      report.ran++;
      report.deaths.push(death);
      countsOf(death.target).deaths++;
    },
  };
  let done = 0;
  async function worker(): Promise<void> {
    for (
      let range = queue.shift();
      range !== undefined;
      range = queue.shift()
    ) {
      if (performance.now() - began > timeLimitMs) return;
      let start = range.start;
      while (start < range.end) {
        report.processes++;
        const next = await runShardProcess(
          { seed: range.seed, start, end: range.end },
          { rotation, limits, inputTimeoutMs, maxMemoryMb, targetOf },
          sink,
        );
        if (next <= start) {
          throw new Error(
            `Cannot run the fuzz shard ${range.seed}:${start}: it failed before its first input`,
          );
        }
        start = next;
      }
      done += range.end - range.start;
      onProgress?.(done, report.inputs);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  report.failures = [...kinds.values()].sort((a, b) => b.count - a.count);
  for (const kind of report.failures.slice(0, minimize)) {
    kind.minimized = await minimizeFailure(kind, {
      rotation,
      limits,
      minimizeMs,
      maxMemoryMb,
    });
  }
  report.deaths.sort((a, b) => a.seed - b.seed || a.index - b.index);
  report.wallMs = performance.now() - began;
  return report;
}

interface ShardSink {
  outcome(
    seed: number,
    index: number,
    kind: "ok" | "typed" | "untyped",
    ms: number,
  ): void;
  failure(seed: number, failure: ShardFailure): void;
  death(death: Death): void;
}

interface ShardSettings {
  rotation: readonly string[];
  limits: SizeLimits;
  inputTimeoutMs: number;
  maxMemoryMb: number;
  targetOf: (index: number) => string;
}

function shardCommand(args: ShardArguments, maxMemoryMb: number): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      // The tester runs each job in a Deno process of its own, hence more than read access.
      "--allow-all",
      "--no-prompt",
      `--v8-flags=--max-old-space-size=${maxMemoryMb}`,
      SHARD,
      JSON.stringify(args),
    ],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  });
}

/** Runs inputs `start` to `end` in one process; returns the index to resume from. */
async function runShardProcess(
  range: Range,
  settings: ShardSettings,
  sink: ShardSink,
): Promise<number> {
  const args: ShardArguments = {
    mode: "run",
    seed: range.seed,
    start: range.start,
    count: range.end - range.start,
    rotation: [...settings.rotation],
    limits: settings.limits,
  };
  const child = shardCommand(args, settings.maxMemoryMb).spawn();
  let current = -1;
  let currentSince = performance.now();
  let finished = false;
  let hungMs = 0;
  const timer = setInterval(() => {
    const running = performance.now() - currentSince;
    if (current >= 0 && running > settings.inputTimeoutMs && hungMs === 0) {
      hungMs = running;
      try {
        child.kill("SIGKILL");
      } catch {
        // It exited on its own meanwhile.
      }
    }
  }, 100);
  const stderr = tail(child.stderr, 4_000);
  try {
    for await (const line of lines(child.stdout)) {
      const kind = line[0];
      if (kind === "b") {
        current = Number(line.slice(2));
        currentSince = performance.now();
      } else if (kind === "r") {
        const [, index, outcome, ms] = line.split(" ");
        sink.outcome(range.seed, Number(index), outcome as "ok", Number(ms));
      } else if (kind === "f") {
        sink.failure(range.seed, JSON.parse(line.slice(2)) as ShardFailure);
      } else if (kind === "e") {
        finished = true;
      }
    }
  } finally {
    clearInterval(timer);
  }
  const status = await child.status;
  const errors = await stderr;
  if (finished && status.success) return range.end;
  if (current < 0) {
    throw new Error(
      `Cannot start a fuzz shard: ${
        errors.trim() || `exit code ${status.code}`
      }`,
    );
  }
  sink.death({
    seed: range.seed,
    index: current,
    target: settings.targetOf(current),
    kind: hungMs > 0 ? "hung" : "died",
    detail: hungMs > 0
      ? `killed after ${Math.round(hungMs)} ms on one input`
      : status.signal !== null
      ? `signal ${status.signal}`
      : `exit code ${status.code}`,
    stderr: errors.trim(),
  });
  return current + 1;
}

async function* lines(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const bytes of stream) {
    const parts = (rest + decoder.decode(bytes, { stream: true })).split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  if (rest !== "") yield rest;
}

async function tail(
  stream: ReadableStream<Uint8Array>,
  max: number,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const bytes of stream) {
    text = (text + decoder.decode(bytes, { stream: true })).slice(-max);
  }
  return text;
}

/** Runs one input in its own process and returns what it printed (replay). */
export async function replayInput(
  seed: number,
  index: number,
  options: {
    rotation: readonly string[];
    limits: SizeLimits;
    timeoutMs: number;
    maxMemoryMb?: number;
  },
): Promise<{ output: string; death?: string }> {
  const child = shardCommand({
    mode: "replay",
    seed,
    start: index,
    count: 1,
    rotation: [...options.rotation],
    limits: options.limits,
  }, options.maxMemoryMb ?? 1_536).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  const [stdout, stderr, status] = await Promise.all([
    tail(child.stdout, 20_000),
    tail(child.stderr, 4_000),
    child.status,
  ]);
  clearTimeout(timer);
  if (status.success) return { output: stdout };
  const how = status.signal === "SIGKILL"
    ? `killed after ${options.timeoutMs} ms`
    : status.signal !== null
    ? `signal ${status.signal}`
    : `exit code ${status.code}`;
  return {
    output: stdout,
    death: `${how}${stderr.trim() === "" ? "" : `\n${stderr.trim()}`}`,
  };
}

async function minimizeFailure(
  kind: FailureKind,
  options: {
    rotation: readonly string[];
    limits: SizeLimits;
    minimizeMs: number;
    maxMemoryMb: number;
  },
): Promise<string | undefined> {
  const child = shardCommand({
    mode: "minimize",
    seed: kind.first.seed,
    start: kind.first.index,
    count: 1,
    rotation: [...options.rotation],
    limits: options.limits,
    signature: kind.signature,
    minimizeMs: options.minimizeMs,
  }, options.maxMemoryMb).spawn();
  // Shrinking may meet an input that hangs or kills the process: then the example stays as found.
  const timer = setTimeout(
    () => child.kill("SIGKILL"),
    options.minimizeMs + 10_000,
  );
  const [stdout, , status] = await Promise.all([
    tail(child.stdout, 20_000),
    tail(child.stderr, 1_000),
    child.status,
  ]);
  clearTimeout(timer);
  if (!status.success) return undefined;
  const line = stdout.split("\n").find((text) => text.startsWith("m "));
  if (line === undefined) return undefined;
  return JSON.parse(line.slice(2)) ?? undefined;
}
