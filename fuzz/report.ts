/**
 * The campaign's report as text: inputs run, typed and untyped failures, process deaths,
 * the slowest input, with a replay command for each finding.
 *
 * @module
 */
import type { CampaignReport } from "./campaign.ts";

/** Options of {@linkcode formatReport}. */
export interface FormatReportOptions {
  /** Untyped failure kinds shown in full. @default {10} */
  examples?: number;
  /** Extra arguments the replay commands need (`--targets ...`). @default {""} */
  replayArguments?: string;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function indent(text: string, prefix: string): string {
  return text.split("\n").map((line) => prefix + line).join("\n");
}

/** Returns whether the campaign passed: no untyped failure, no process death. */
export function campaignPassed(report: CampaignReport): boolean {
  return report.untyped === 0 && report.deaths.length === 0;
}

/** Returns the report as text. */
export function formatReport(
  report: CampaignReport,
  options: FormatReportOptions = {},
): string {
  const { examples = 10, replayArguments = "" } = options;
  const replay = (seed: number, index: number) =>
    `deno task fuzz --replay ${seed}:${index}${replayArguments}`;
  const hung = report.deaths.filter((death) => death.kind === "hung").length;
  const out: string[] = [];
  out.push(
    `Fuzz campaign, seeds ${
      report.seeds.join(",")
    }: ${report.ran} of ${report.inputs} inputs in ${
      seconds(report.wallMs)
    } (${report.processes} shard processes)`,
    `  ok ${report.ok}, typed failures ${report.typed}, untyped failures ${report.untyped}, process deaths ${report.deaths.length} (${
      report.deaths.length - hung
    } died, ${hung} hung)`,
    `  slowest input: ${report.slowest.seed}:${report.slowest.index} (${report.slowest.target}) ${
      report.slowest.ms.toFixed(1)
    } ms`,
    "  by target:",
  );
  for (const [name, counts] of Object.entries(report.byTarget).sort()) {
    out.push(
      `    ${
        name.padEnd(12)
      } ok ${counts.ok}, typed ${counts.typed}, untyped ${counts.untyped}, deaths ${counts.deaths}${
        counts.slowest === undefined
          ? ""
          : `, slowest ${
            counts.slowest.ms.toFixed(1)
          } ms (${counts.slowest.input})`
      }`,
    );
  }
  if (report.failures.length > 0) {
    out.push("", `Untyped failures: ${report.failures.length} kinds`);
    report.failures.forEach((kind, position) => {
      if (position >= examples) return;
      out.push(
        `  ${position + 1}. ${kind.signature} (${kind.count}×)`,
        `     first: ${replay(kind.first.seed, kind.first.index)}`,
      );
      if (
        kind.first.message !== "" &&
        !kind.signature.endsWith(kind.first.message)
      ) {
        out.push(indent(kind.first.message, "     "));
      }
      if (kind.minimized !== undefined) {
        out.push("     minimized input:", indent(kind.minimized, "       "));
      }
    });
    if (report.failures.length > examples) {
      out.push(`  … and ${report.failures.length - examples} more kinds`);
    }
  }
  if (report.deaths.length > 0) {
    out.push("", `Process deaths: ${report.deaths.length}`);
    for (const death of report.deaths.slice(0, Math.max(examples, 20))) {
      const reason = death.stderr.split("\n").filter((line) =>
        line.trim() !== ""
      )
        .find((line) => /fatal|error|out of memory/i.test(line)) ?? "";
      out.push(
        `  ${death.seed}:${death.index} (${death.target}) ${death.kind}: ${death.detail}${
          reason === "" ? "" : `: ${reason.trim().slice(0, 200)}`
        }`,
        `     ${replay(death.seed, death.index)}`,
      );
    }
    if (report.deaths.length > Math.max(examples, 20)) {
      out.push(`  … and ${report.deaths.length - Math.max(examples, 20)} more`);
    }
  }
  out.push("", campaignPassed(report) ? "PASSED" : "FAILED");
  return out.join("\n");
}
