/**
 * What the area micro-benchmarks (`bench/mapping.ts`, `bench/fql.ts`) share:
 * the row they report and one bounded synchronous rate measure.
 *
 * @module
 */
import { measureSync } from "./harness.ts";

/** One measured comparison; `ratio` is destkit's rate over Segment's. */
export interface BenchRow {
  name: string;
  destkitPerSec: number;
  segmentPerSec: number;
  ratio: number;
}

/** Returns a row comparing destkit's rate with Segment's. */
export function benchRow(
  name: string,
  destkitPerSec: number,
  segmentPerSec: number,
): BenchRow {
  return {
    name,
    destkitPerSec,
    segmentPerSec,
    ratio: destkitPerSec / segmentPerSec,
  };
}

/**
 * Runs `work(i)` for `iterations` calls or `capMs`, whichever comes first,
 * after a warm-up of a tenth of the calls (at most `maxWarmup`); returns calls per second.
 */
export function measureRate(
  work: (i: number) => unknown,
  iterations: number,
  capMs: number,
  maxWarmup = 5_000,
): number {
  const warmup = Math.min(Math.floor(iterations / 10), maxWarmup);
  return measureSync("area", work, { warmup, measured: iterations, capMs })
    .perSec;
}

function format(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Returns `rows` as an aligned text table. */
export function formatRows(rows: readonly BenchRow[]): string {
  const width = Math.max(...rows.map((entry) => entry.name.length));
  const lines = [
    `${"measure".padEnd(width)}  ${"destkit/s".padStart(13)}  ${
      "Segment/s".padStart(13)
    }  ratio`,
  ];
  for (const entry of rows) {
    lines.push(
      `${entry.name.padEnd(width)}  ${
        format(entry.destkitPerSec).padStart(13)
      }  ${format(entry.segmentPerSec).padStart(13)}  ${
        entry.ratio.toFixed(1)
      }x`,
    );
  }
  return lines.join("\n");
}
