// deno-lint-ignore-file no-console
/**
 * One client process of the benchmark (pinned to CPU 0 by `main.ts`):
 * `--mode gate` runs the correctness gate for one implementation and the
 * hand-written baseline; `--mode time` runs every throughput measure of that
 * implementation and the in-process baselines, checking the sink after each
 * I/O measure. Results go to the JSON file named by `--out`.
 *
 * @module
 */
import { createBaselineSender } from "./adapters/baseline.ts";
import type { BenchImplementation } from "./adapters/types.ts";
import { createDefinition } from "./scenario/definition.ts";
import { type BenchEvent, generateEvents } from "./scenario/events.ts";
import { buildPayload } from "./scenario/handwritten.ts";
import { parseFlags } from "./lib/flags.ts";
import { checkDigest, checkPayloads } from "./lib/gate.ts";
import {
  type AsyncLoopBounds,
  measureAsync,
  type Measurement,
  measureSync,
  WARMUP_CAP_SHARE,
} from "./lib/harness.ts";
import { loadImplementation } from "./lib/implementations.ts";
import { getProfile, type Profile } from "./lib/profiles.ts";
import { assertSinkSaw, readSink, resetSink } from "./lib/sink_client.ts";

/** A measurement plus what the sink saw during it (I/O measures). */
export interface SuiteMeasurement extends Measurement {
  /** CPU time the sink spent during the warm-up and the measured loop, in milliseconds. */
  sinkCpuMs?: number;
  /** The factor the time budget applied to this measure's caps, when below 1. */
  capScale?: number;
}

/** The smallest factor the time budget may apply to a cap. */
const MIN_CAP_SCALE = 0.02;

/** What `--mode time` writes. */
export interface SuiteResult {
  implementation: string;
  version: string;
  measurements: SuiteMeasurement[];
}

/** What `--mode gate` writes. */
export interface GateResult {
  implementation: string;
  version: string;
  payloads: Awaited<ReturnType<typeof checkPayloads>>;
  digest: {
    implementation: Awaited<ReturnType<typeof checkDigest>>;
    /** Checked in the first gate process only. */
    baseline?: Awaited<ReturnType<typeof checkDigest>>;
  };
}

const POOL_SIZE = 10_000;

function log(message: string): void {
  console.error(`  [${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function runGate(
  implementation: BenchImplementation,
  endpoint: string,
  profile: Profile,
  withBaseline: boolean,
): Promise<GateResult> {
  const payloads = await checkPayloads(
    implementation,
    generateEvents(profile.gateEvents),
  );
  log(
    `${implementation.name}: payloads of events 0-${
      profile.gateEvents - 1
    } equal the hand-written ones`,
  );
  const destination = implementation.createDestination(
    createDefinition({ endpoint }),
  );
  const digest = await checkDigest(endpoint, {
    async sendEvent(event) {
      destination.assertDelivered(await destination.onEvent(event), 1);
    },
    async sendBatch(events) {
      destination.assertDelivered(
        await destination.onBatch(events),
        events.length,
      );
    },
  }, implementation.name);
  log(
    `${implementation.name}: sink digest ${digest.digest} over ${digest.requests} requests`,
  );
  const baseline = withBaseline
    ? await checkDigest(
      endpoint,
      createBaselineSender(endpoint),
      "the baseline",
    )
    : undefined;
  if (baseline) {
    log(
      `baseline: sink digest ${baseline.digest} over ${baseline.requests} requests`,
    );
  }
  return {
    implementation: implementation.name,
    version: implementation.version,
    payloads,
    digest: { implementation: digest, baseline },
  };
}

/** Runs an I/O measure with the sink's counters reset before and checked after. */
async function measureIO(
  endpoint: string,
  name: string,
  fn: (i: number) => Promise<unknown>,
  bounds: AsyncLoopBounds,
): Promise<SuiteMeasurement> {
  await resetSink(endpoint);
  const measurement = await measureAsync(name, fn, bounds);
  const stats = await readSink(endpoint);
  assertSinkSaw(stats, measurement.warmupCalls + measurement.calls, name);
  return { ...measurement, sinkCpuMs: stats.cpuMs };
}

function batchesOf(pool: readonly BenchEvent[]): BenchEvent[][] {
  const batches: BenchEvent[][] = [];
  for (let start = 0; start + 1000 <= pool.length; start += 1000) {
    batches.push(pool.slice(start, start + 1000));
  }
  return batches;
}

/** One measure of the suite: its bounds and what one iteration does. */
interface Step {
  name: string;
  kind: "sync" | "async" | "io";
  bounds: AsyncLoopBounds;
  run: (i: number) => unknown;
}

/** Runs `steps` in order; each gets its cap scaled to its share of what is left of `budgetMs`. */
async function runSteps(
  steps: Step[],
  endpoint: string,
  budgetMs: number,
): Promise<SuiteMeasurement[]> {
  const deadline = performance.now() + budgetMs;
  const weight = (step: Step) => step.bounds.capMs * (1 + WARMUP_CAP_SHARE);
  let weightLeft = steps.reduce((sum, step) => sum + weight(step), 0);
  const measurements: SuiteMeasurement[] = [];
  for (const step of steps) {
    const capScale = Math.max(
      MIN_CAP_SCALE,
      Math.min(1, (deadline - performance.now()) / weightLeft),
    );
    weightLeft -= weight(step);
    const bounds = { ...step.bounds, capMs: step.bounds.capMs * capScale };
    const run = step.run;
    const measurement: SuiteMeasurement = step.kind === "sync"
      ? measureSync(step.name, run, bounds)
      : step.kind === "async"
      ? await measureAsync(
        step.name,
        run as (i: number) => Promise<unknown>,
        bounds,
      )
      : await measureIO(
        endpoint,
        step.name,
        run as (i: number) => Promise<unknown>,
        bounds,
      );
    if (capScale < 1) measurement.capScale = capScale;
    measurements.push(measurement);
    const latency = measurement.p50Ms === undefined
      ? ""
      : `, p50 ${measurement.p50Ms.toFixed(2)} ms, p99 ${
        measurement.p99Ms!.toFixed(2)
      } ms`;
    const scaled = capScale < 1
      ? ` (cap scaled to ${capScale.toFixed(2)})`
      : "";
    log(
      `${measurement.name}: ${
        Math.round(measurement.perSec).toLocaleString("en-US")
      } events/s${latency}${scaled}`,
    );
  }
  return measurements;
}

async function runTime(
  implementation: BenchImplementation,
  endpoint: string,
  profile: Profile,
  budgetMs: number,
): Promise<SuiteResult> {
  const pool = generateEvents(POOL_SIZE);
  const lines = pool.map((event) => JSON.stringify(event));
  const batches = batchesOf(pool);
  const n = pool.length;
  const impl = implementation.name;
  const mapValidate = implementation.createMapValidate();
  const live = implementation.createDestination(createDefinition({ endpoint }));
  const noIO = implementation.createDestination(createDefinition({
    endpoint,
    perform: () => ({ ok: true }),
    performBatch: () => ({ ok: true }),
  }));
  const baseline = createBaselineSender(endpoint);
  async function deliver(i: number): Promise<void> {
    live.assertDelivered(await live.onEvent(pool[i % n]), 1);
  }
  async function deliverBatch(i: number): Promise<void> {
    const events = batches[i % batches.length];
    live.assertDelivered(await live.onBatch(events), events.length);
  }
  const c32 = { ...profile.e2eC32, concurrency: 32 };
  const batch = { ...profile.batch1000, eventsPerCall: 1000 };
  const steps: Step[] = [
    {
      name: "json_roundtrip",
      kind: "sync",
      bounds: profile.jsonRoundtrip,
      run: (i) => JSON.stringify(JSON.parse(lines[i % n])),
    },
    {
      name: "hand_map_stringify",
      kind: "sync",
      bounds: profile.handMapStringify,
      run: (i) => JSON.stringify(buildPayload(pool[i % n])),
    },
    {
      name: `${impl}_map_validate`,
      kind: "sync",
      bounds: profile.mapValidate,
      run: (i) => mapValidate(pool[i % n]),
    },
    {
      name: `${impl}_map_validate_stringify`,
      kind: "sync",
      bounds: profile.mapValidate,
      run: (i) => JSON.stringify(mapValidate(pool[i % n])),
    },
    {
      name: `${impl}_onevent_noio`,
      kind: "async",
      bounds: profile.onEventNoIO,
      run: (i) => noIO.onEvent(pool[i % n]),
    },
    {
      name: "base_fetch_c1",
      kind: "io",
      bounds: profile.e2eC1,
      run: (i) => baseline.sendEvent(pool[i % n]),
    },
    { name: `${impl}_e2e_c1`, kind: "io", bounds: profile.e2eC1, run: deliver },
    {
      name: "base_fetch_c32",
      kind: "io",
      bounds: c32,
      run: (i) => baseline.sendEvent(pool[i % n]),
    },
    { name: `${impl}_e2e_c32`, kind: "io", bounds: c32, run: deliver },
    {
      name: "base_fetch_batch1000",
      kind: "io",
      bounds: batch,
      run: (i) => baseline.sendBatch(batches[i % batches.length]),
    },
    { name: `${impl}_batch1000`, kind: "io", bounds: batch, run: deliverBatch },
    {
      name: `${impl}_batch1000_noio`,
      kind: "async",
      bounds: batch,
      run: (i) => noIO.onBatch(batches[i % batches.length]),
    },
  ];
  const measurements = await runSteps(steps, endpoint, budgetMs);
  return {
    implementation: impl,
    version: implementation.version,
    measurements,
  };
}

async function main(): Promise<void> {
  const flags = parseFlags(Deno.args);
  const { impl, endpoint, mode = "time", profile = "full", out } = flags;
  const budgetMs = Number(flags["budget-ms"] ?? Infinity);
  if (!impl || !endpoint || !out) {
    throw new TypeError(
      "Cannot run the suite: --impl, --endpoint and --out are required",
    );
  }
  const implementation = await loadImplementation(impl);
  const chosen = getProfile(profile);
  const result = mode === "gate"
    ? await runGate(
      implementation,
      endpoint,
      chosen,
      flags["with-baseline"] === "true",
    )
    : await runTime(implementation, endpoint, chosen, budgetMs);
  await Deno.writeTextFile(out, JSON.stringify(result));
}

if (import.meta.main) await main();
