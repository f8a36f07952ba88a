/**
 * Runs the area micro-benchmarks other parts of the tree add beside the
 * harness (`bench/mapping.ts`: `runMappingBench`, `bench/fql.ts`:
 * `runFqlBench`), when their files exist, in one client process.
 *
 * `deno run --allow-all bench/extras.ts [--quick] --out FILE`
 *
 * @module
 */
import { parseFlags } from "./lib/flags.ts";

/** One row an area benchmark returns. */
export interface ExtraRow {
  name: string;
  destkitPerSec: number;
  segmentPerSec: number;
  ratio: number;
}

/** The rows of one area benchmark, or why it did not run. */
export interface ExtraResult {
  file: string;
  rows?: ExtraRow[];
  skipped?: string;
}

const EXTRAS = [
  { file: "mapping.ts", run: "runMappingBench" },
  { file: "fql.ts", run: "runFqlBench" },
] as const;

type ExtraBench = (
  options: { quick: boolean },
) => Promise<ExtraRow[]> | ExtraRow[];

async function exists(url: URL): Promise<boolean> {
  try {
    return (await Deno.stat(url)).isFile;
  } catch {
    return false;
  }
}

/** Runs every area benchmark that exists; a missing file is reported, a failing one throws. */
export async function runExtras(quick: boolean): Promise<ExtraResult[]> {
  const results: ExtraResult[] = [];
  for (const { file, run } of EXTRAS) {
    const url = new URL(`./${file}`, import.meta.url);
    if (!(await exists(url))) {
      results.push({ file, skipped: "file not present" });
      continue;
    }
    const module: Record<string, unknown> = await import(url.href);
    const fn = module[run] as ExtraBench | undefined;
    if (typeof fn !== "function") {
      results.push({ file, skipped: `no ${run} export` });
      continue;
    }
    results.push({ file, rows: await fn({ quick }) });
  }
  return results;
}

if (import.meta.main) {
  const { quick = "false", out } = parseFlags(Deno.args);
  if (!out) throw new TypeError("Cannot run extras.ts: --out is required");
  await Deno.writeTextFile(
    out,
    JSON.stringify(await runExtras(quick === "true")),
  );
}
