// deno-lint-ignore-file no-console
/**
 * `deno task bundle [slug...] [--out dir] [--budget bytes]`: bundles every
 * device-mode destination in `destinations/` (or the given slugs) into
 * `dist/browser/<slug>/`, prints the size table, and fails when a file is
 * over its gzip budget.
 *
 * @module
 */
import * as esbuild from "esbuild";
import {
  bundleDestination,
  type BundleManifest,
  DEFAULT_GZIP_BUDGET,
} from "./bundle_destination.ts";
import { findDeviceDestinations } from "./find_device_destinations.ts";
import { formatSizeTable } from "./format_size_table.ts";

const root = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/** Parsed command-line arguments. */
interface Args {
  slugs: string[];
  out: string;
  budget: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    slugs: [],
    out: `${root}/dist/browser`,
    budget: DEFAULT_GZIP_BUDGET,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") args.out = argv[++i];
    else if (arg === "--budget") args.budget = Number(argv[++i]);
    else if (arg === "--help" || arg === "-h") {
      console.log(
        "Usage: deno task bundle [slug...] [--out dir] [--budget gzip-bytes]",
      );
      Deno.exit(0);
    } else args.slugs.push(arg);
  }
  if (args.out === undefined) {
    throw new Error("Cannot read --out: it needs a directory");
  }
  if (!Number.isInteger(args.budget) || args.budget <= 0) {
    throw new Error(
      `Cannot read --budget: expected a positive number of bytes, got "${args.budget}"`,
    );
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(Deno.args);
  const destinations = await findDeviceDestinations(
    `${root}/destinations`,
    args.slugs,
  );
  if (destinations.length === 0) {
    console.log("No device-mode destination to bundle in destinations/");
    return 0;
  }
  const manifests: BundleManifest[] = [];
  try {
    for (const destination of destinations) {
      manifests.push(
        await bundleDestination({
          slug: destination.slug,
          name: destination.name,
          entry: destination.entry,
          outDir: `${args.out}/${destination.slug}`,
          root,
          gzipBudget: destination.gzipBudget ?? args.budget,
          fieldKinds: destination.fieldKinds,
        }),
      );
    }
  } finally {
    await esbuild.stop();
  }
  console.log(formatSizeTable(manifests));
  console.log(
    `\nWrote ${manifests.length} destination(s) to ${args.out}/<slug>/ (manifest.json in each)`,
  );
  const over = manifests.filter((m) => !m.withinBudget).map((m) => m.slug);
  if (over.length > 0) {
    console.error(`Bundle size budget exceeded: ${over.join(", ")}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    Deno.exit(1);
  }
}
