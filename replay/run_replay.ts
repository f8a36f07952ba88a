/**
 * Runs the replay: installs the oracle packages when they are missing (`npm ci` in this
 * folder), runs Segment's side under Node.js and destkit's side under Deno, one process
 * each and at the same time, and compares them per destination.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  compareReplays,
  type ReplayResults,
  type ReplayRow,
} from "./compare.ts";

/** This folder: package.json, package-lock.json and, once installed, node_modules. */
const REPLAY_DIR: string = fileURLToPath(new URL(".", import.meta.url));

/** The compiled destinations of the installed `@segment/action-destinations`. */
const DESTINATIONS_DIR: string = join(
  REPLAY_DIR,
  "node_modules/@segment/action-destinations/dist/destinations",
);

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Options of {@linkcode runReplay}. */
export interface RunReplayOptions {
  /** Only these destinations. @default {every installed one} */
  slugs?: readonly string[];
  /** Where progress goes (the install's output). @default {"inherit"} */
  stderr?: "inherit" | "null";
}

/** What {@linkcode runReplay} found, and how long each part took. */
export interface ReplayRun {
  rows: ReplayRow[];
  /** Milliseconds spent in `npm ci`, 0 when the packages were installed. */
  installMs: number;
  /** Milliseconds from starting both sides to both having written their results. */
  runMs: number;
}

async function run(
  command: string,
  args: string[],
  stderr: "inherit" | "null",
): Promise<void> {
  const output = await new Deno.Command(command, {
    args,
    cwd: REPO_ROOT,
    stdin: "null",
    stdout: stderr === "inherit" ? "inherit" : "null",
    stderr: "piped",
  }).output();
  if (!output.success) {
    const message = new TextDecoder().decode(output.stderr).trim();
    throw new Error(
      `Cannot run ${command} ${args.join(" ")}: exit code ${output.code}: ${
        message.slice(-2000)
      }`,
    );
  }
}

/** Runs `npm ci` in the replay folder when `@segment/action-destinations` is not installed. */
async function installOracle(
  stderr: "inherit" | "null" = "inherit",
): Promise<number> {
  if (existsSync(join(DESTINATIONS_DIR, "..", "index.js"))) return 0;
  const started = performance.now();
  await run("npm", [
    "ci",
    "--prefix",
    REPLAY_DIR,
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
  ], stderr);
  return performance.now() - started;
}

/**
 * Runs both sides and compares them.
 *
 * @throws {Error} When `npm ci` fails or either side's process fails (its stderr in the message).
 */
export async function runReplay(
  options: RunReplayOptions = {},
): Promise<ReplayRun> {
  const { slugs = [], stderr = "inherit" } = options;
  const installMs = await installOracle(stderr);
  const out = await Deno.makeTempDir({ prefix: "destkit-replay-" });
  try {
    const oracleFile = join(out, "segment.json");
    const oursFile = join(out, "destkit.json");
    const started = performance.now();
    await Promise.all([
      run(
        "node",
        [join(REPLAY_DIR, "oracle_run.cjs"), oracleFile, ...slugs],
        stderr,
      ),
      run(Deno.execPath(), [
        "run",
        "--allow-all",
        "--config",
        join(REPO_ROOT, "deno.json"),
        join(REPLAY_DIR, "drop_in_run.ts"),
        oursFile,
        DESTINATIONS_DIR,
        ...slugs,
      ], stderr),
    ]);
    const runMs = performance.now() - started;
    const oracle = JSON.parse(
      await Deno.readTextFile(oracleFile),
    ) as ReplayResults;
    const ours = JSON.parse(await Deno.readTextFile(oursFile)) as ReplayResults;
    return { rows: compareReplays(oracle, ours), installMs, runMs };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}
