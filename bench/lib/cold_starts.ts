/**
 * Runs `bench/coldstart.ts` as fresh processes and times each from outside
 * (spawn to exit), interleaving the implementations.
 *
 * @module
 */
import type { ColdStartResult } from "../coldstart.ts";
import { denoCommand } from "./processes.ts";
import type { ColdStartSeries } from "./report.ts";

const RUN_TIMEOUT_MS = 60_000;

async function coldStartOnce(
  impl: string,
  endpoint: string,
  pin: boolean,
): Promise<[number, ColdStartResult]> {
  const out = await Deno.makeTempFile({
    prefix: "destkit-cold-",
    suffix: ".json",
  });
  try {
    const script = new URL("../coldstart.ts", import.meta.url).pathname;
    const [command, args] = denoCommand(script, [
      "--impl",
      impl,
      "--endpoint",
      endpoint,
      "--out",
      out,
    ], {
      cpu: 0,
      pin,
    });
    const start = performance.now();
    const child = new Deno.Command(command, {
      args,
      stdin: "null",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
    const status = await child.status;
    const wall = performance.now() - start;
    clearTimeout(timer);
    if (!status.success) {
      throw new Error(
        `Cannot run the ${impl} cold start: it exited with code ${status.code}`,
      );
    }
    return [wall, JSON.parse(await Deno.readTextFile(out))];
  } finally {
    await Deno.remove(out).catch(() => {});
  }
}

/** Options for {@linkcode measureColdStarts}. */
export interface MeasureColdStartsOptions {
  endpoint: string;
  pin: boolean;
  /** Measured rounds (each runs every implementation once). */
  runs: number;
  /** No new round starts after this `performance.now()` time (one round always runs). */
  deadline: number;
}

/** Returns the cold starts of `empty`, `baseline` and each of `impls`, after one unmeasured round. */
export async function measureColdStarts(
  impls: readonly string[],
  options: MeasureColdStartsOptions,
): Promise<ColdStartSeries[]> {
  const { endpoint, pin, runs, deadline } = options;
  const names = ["empty", "baseline", ...impls];
  const series = names.map((implementation): ColdStartSeries => ({
    implementation,
    wallMs: [],
    results: [],
  }));
  // the unmeasured round fills the module and transpile caches
  for (const name of names) await coldStartOnce(name, endpoint, pin);
  for (let r = 0; r < runs && (r === 0 || performance.now() < deadline); r++) {
    for (let k = 0; k < names.length; k++) {
      const [wall, result] = await coldStartOnce(names[k], endpoint, pin);
      series[k].wallMs.push(wall);
      series[k].results.push(result);
    }
  }
  return series;
}
