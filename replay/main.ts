// deno-lint-ignore-file no-console
/**
 * `deno task replay`: replays Segment's published cloud destinations through Segment's
 * runtime and through destkit's drop-in, and prints the per-destination table.
 *
 *   deno task replay [--report <file>] [slug ...]
 *
 * Exits 1 when the destinations that differ are not exactly those of
 * `known_differences.ts`.
 *
 * @module
 */
import { formatReplayTable } from "./compare.ts";
import { checkKnownDifferences } from "./known_differences.ts";
import { runReplay } from "./run_replay.ts";

const args = [...Deno.args];
let report: string | undefined;
const at = args.indexOf("--report");
if (at >= 0) {
  report = args[at + 1];
  args.splice(at, 2);
}
if (args.includes("--help") || args.includes("-h") || report === "") {
  console.log(
    "Usage: deno task replay [--report <file>] [slug ...]\n\n" +
      "Replays Segment's published cloud destinations (@segment/action-destinations, installed\n" +
      "in replay/ by npm ci when missing) through Segment's runtime under Node.js and through\n" +
      "destkit's drop-in under Deno, and prints one line per destination: identical, or the\n" +
      "first difference. --report also writes the table to a file.",
  );
  Deno.exit(0);
}
const { rows, installMs, runMs } = await runReplay({ slugs: args });
const table = formatReplayTable(rows);
console.log(table);
console.log(
  `\nnpm ci ${(installMs / 1000).toFixed(1)} s, both sides ${
    (runMs / 1000).toFixed(1)
  } s`,
);
if (report !== undefined) await Deno.writeTextFile(report, `${table}\n`);
if (args.length === 0) {
  const { joined, left } = checkKnownDifferences(rows);
  for (const slug of joined) {
    console.log(`${slug} now differs; it is not in known_differences.ts`);
  }
  for (const slug of left) {
    console.log(
      `${slug} is identical now; remove it from known_differences.ts`,
    );
  }
  if (joined.length > 0 || left.length > 0) Deno.exit(1);
}
