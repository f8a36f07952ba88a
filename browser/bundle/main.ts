// deno-lint-ignore-file no-console
/**
 * `deno task bundle [slug...] [--out dir] [--budget bytes]`: bundles every
 * device-mode destination in `destinations/` (or the given slugs) into
 * `dist/browser/<slug>/`, prints the size table, and fails when a file is
 * over its gzip budget.
 *
 * @module
 */
import { InvalidArgumentError } from "@commander-js/extra-typings";
import * as esbuild from "esbuild";
import { createCommand } from "../../cli/_command.ts";
import { printError, runMain } from "../../cli/_output.ts";
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

function parseBudget(value: string): number {
  const budget = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(budget) || budget <= 0) {
    throw new InvalidArgumentError(
      `expected a positive whole number of gzipped bytes, got "${value}"`,
    );
  }
  return budget;
}

/** The `deno task bundle` command. */
export function bundleCommand(run: (args: Args) => Promise<number>) {
  return createCommand(
    "bundle",
    "Bundle device-mode destinations for analytics.js (ESM and IIFE, minified, with source maps and a manifest.json) into <out>/<slug>/, print their sizes, and fail when a file is over its gzip budget",
    [
      "deno task bundle",
      "deno task bundle hubble-web userpilot-web",
      "deno task bundle --out some/dir",
      "deno task bundle --budget 20000",
    ],
  )
    .argument(
      "[slug...]",
      "bundle only these device-mode destinations (default: every one in destinations/)",
    )
    .option("--out <dir>", "the output folder (default: dist/browser)")
    .option(
      "--budget <bytes>",
      `the gzip budget of destinations that declare none (default: ${DEFAULT_GZIP_BUDGET})`,
      parseBudget,
    )
    .action(async (slugs, options) => {
      Deno.exitCode = await run({
        slugs,
        out: options.out ?? `${root}/dist/browser`,
        budget: options.budget ?? DEFAULT_GZIP_BUDGET,
      });
    });
}

async function main(args: Args): Promise<number> {
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
    printError(`Bundle size budget exceeded: ${over.join(", ")}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  await runMain(async () => {
    await bundleCommand(main).parseAsync(Deno.args, { from: "user" });
    return Deno.exitCode;
  });
}
