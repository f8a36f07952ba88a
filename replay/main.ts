// deno-lint-ignore-file no-console
/**
 * `deno task replay`: replays Segment's published cloud destinations through Segment's
 * runtime and through destkit's drop-in, and prints the per-destination table. Exits 1 when
 * the destinations that differ are not exactly those of `known_differences.ts` (on a full
 * run).
 *
 * @module
 */
import { createCommand } from "../cli/_command.ts";
import { runMain, style } from "../cli/_output.ts";
import { formatReplayTable } from "./compare.ts";
import { checkKnownDifferences } from "./known_differences.ts";
import { runReplay } from "./run_replay.ts";

/** The `deno task replay` command. */
export function replayCommand() {
  return createCommand(
    "replay",
    "Replay Segment's published cloud destinations (@segment/action-destinations,\n" +
      "installed in replay/ by npm ci when missing) through Segment's runtime under\n" +
      "Node.js and through destkit's drop-in under Deno, on the same settings, events\n" +
      "and default subscriptions; print one line per destination: identical, or the\n" +
      "first difference. A full run fails when the destinations that differ are not\n" +
      "those of replay/known_differences.ts.",
    [
      "deno task replay",
      "deno task replay heap mixpanel",
      "deno task replay --report replay.md",
    ],
  )
    .argument("[slugs...]", "only these destinations")
    .option("--report <file>", "also write the table to a file")
    .action(async (slugs, options) => {
      const { rows, installMs, runMs } = await runReplay({ slugs });
      const table = formatReplayTable(rows);
      console.log(table);
      console.log(
        `\nnpm ci ${(installMs / 1000).toFixed(1)} s, both sides ${
          (runMs / 1000).toFixed(1)
        } s`,
      );
      if (options.report !== undefined) {
        await Deno.writeTextFile(options.report, `${table}\n`);
      }
      if (slugs.length > 0) return;
      const { joined, left } = checkKnownDifferences(rows);
      for (const slug of joined) {
        console.log(
          `${
            style.red(slug)
          } differs and is not in replay/known_differences.ts`,
        );
      }
      for (const slug of left) {
        console.log(
          `${
            style.green(slug)
          } is identical: take it off replay/known_differences.ts`,
        );
      }
      if (joined.length > 0 || left.length > 0) Deno.exitCode = 1;
    });
}

if (import.meta.main) {
  await runMain(() =>
    replayCommand().parseAsync(Deno.args, { from: "user" }).then(() =>
      Deno.exitCode
    )
  );
}
