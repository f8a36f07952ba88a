/**
 * Turns the raw figures of a run into the summary: medians over the
 * repetitions, ratios taken within each run then their median, README.md's
 * targets, and a plain-text table.
 *
 * @module
 */
import type { ColdStartResult } from "../coldstart.ts";
import type { ExtraResult } from "../extras.ts";
import type { MemoryResult } from "../mem.ts";
import type { SuiteMeasurement, SuiteResult } from "../suite.ts";
import { median } from "./harness.ts";

/** The cold starts of one implementation. */
export interface ColdStartSeries {
  implementation: string;
  /** Spawn to exit, from outside, in milliseconds. */
  wallMs: number[];
  /** In-process time of the first delivered event, in milliseconds. */
  results: ColdStartResult[];
}

/** Median, minimum and maximum of a figure over the runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** One row of the throughput table. */
export interface ThroughputRow {
  measure: string;
  baselineName: string;
  destkit?: Spread;
  reference?: Spread;
  baseline?: Spread;
  /** destkit events/s ÷ reference events/s (run r of each, then the median). */
  destkitVsReference?: number;
  /** Baseline events/s ÷ destkit events/s in the same process: how many baseline times per event destkit takes. */
  destkitVsBaseline?: number;
  /** Baseline events/s ÷ reference events/s in the same process. */
  referenceVsBaseline?: number;
  latency?: Record<string, { p50Ms: number; p99Ms: number }>;
}

/** One of README.md's targets and whether this run met it. */
export interface TargetCheck {
  target: string;
  value?: number;
  limit: string;
  met?: boolean;
}

/** Everything the summary holds. */
export interface Summary {
  throughput: ThroughputRow[];
  memory: Record<string, Spread & { perSec: number }>;
  coldStart: Record<string, { wall: Spread; firstEvent: Spread }>;
  targets: TargetCheck[];
}

const MEASURES: readonly { measure: string; baseline: string }[] = [
  { measure: "map_validate", baseline: "hand_map_stringify" },
  { measure: "map_validate_stringify", baseline: "hand_map_stringify" },
  { measure: "onevent_noio", baseline: "hand_map_stringify" },
  { measure: "e2e_c1", baseline: "base_fetch_c1" },
  { measure: "e2e_c32", baseline: "base_fetch_c32" },
  { measure: "batch1000", baseline: "base_fetch_batch1000" },
  { measure: "batch1000_noio", baseline: "hand_map_stringify" },
];

function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

function find(run: SuiteResult, name: string): SuiteMeasurement | undefined {
  return run.measurements.find((m) => m.name === name);
}

function ratiosWithin(
  runs: SuiteResult[],
  impl: string,
  measure: string,
  baseline: string,
): number | undefined {
  const ratios: number[] = [];
  for (const run of runs) {
    const ours = find(run, `${impl}_${measure}`);
    const base = find(run, baseline);
    if (ours && base) ratios.push(base.perSec / ours.perSec);
  }
  return ratios.length ? median(ratios) : undefined;
}

function throughputRow(
  runs: SuiteResult[],
  measure: string,
  baselineName: string,
): ThroughputRow {
  const of = (impl: string) =>
    runs.filter((run) => run.implementation === impl);
  const rates = (impl: string) =>
    of(impl).map((run) => find(run, `${impl}_${measure}`)?.perSec).filter((
      v,
    ): v is number => v !== undefined);
  const destkitRates = rates("destkit");
  const referenceRates = rates("reference");
  const pairs = Math.min(destkitRates.length, referenceRates.length);
  const versus = Array.from(
    { length: pairs },
    (_, r) => destkitRates[r] / referenceRates[r],
  );
  const baselineRates = runs.map((run) => find(run, baselineName)?.perSec)
    .filter((v): v is number => v !== undefined);
  const latency: Record<string, { p50Ms: number; p99Ms: number }> = {};
  const names: [string, string][] = [
    ["destkit", `destkit_${measure}`],
    ["reference", `reference_${measure}`],
    ["baseline", baselineName],
  ];
  for (const [key, name] of names) {
    const found = runs.map((run) => find(run, name)).filter((
      m,
    ): m is SuiteMeasurement => m?.p50Ms !== undefined);
    if (found.length) {
      latency[key] = {
        p50Ms: median(found.map((m) => m.p50Ms!)),
        p99Ms: median(found.map((m) => m.p99Ms!)),
      };
    }
  }
  return {
    measure,
    baselineName,
    destkit: spread(destkitRates),
    reference: spread(referenceRates),
    baseline: spread(baselineRates),
    destkitVsReference: versus.length ? median(versus) : undefined,
    destkitVsBaseline: ratiosWithin(
      of("destkit"),
      "destkit",
      measure,
      baselineName,
    ),
    referenceVsBaseline: ratiosWithin(
      of("reference"),
      "reference",
      measure,
      baselineName,
    ),
    latency: measure.startsWith("e2e") ? latency : undefined,
  };
}

function check(
  target: string,
  value: number | undefined,
  limit: string,
  met: (v: number) => boolean,
): TargetCheck {
  return {
    target,
    value,
    limit,
    met: value === undefined ? undefined : met(value),
  };
}

/** Summarizes the raw results of a run. */
export function summarize(
  runs: SuiteResult[],
  memory: MemoryResult[],
  coldStarts: ColdStartSeries[],
): Summary {
  const throughput = MEASURES.map(({ measure, baseline }) =>
    throughputRow(runs, measure, baseline)
  );
  const memorySummary: Summary["memory"] = {};
  for (const impl of new Set(memory.map((m) => m.implementation))) {
    const mine = memory.filter((m) => m.implementation === impl);
    memorySummary[impl] = {
      ...spread(mine.map((m) => m.peakRssBytes))!,
      perSec: median(mine.map((m) => m.perSec)),
    };
  }
  const coldStart: Summary["coldStart"] = {};
  for (const series of coldStarts) {
    coldStart[series.implementation] = {
      wall: spread(series.wallMs)!,
      firstEvent: spread(series.results.map((r) => r.firstEventMs))!,
    };
  }
  const row = (measure: string) =>
    throughput.find((r) => r.measure === measure)!;
  const streamed = memory.length ? Math.min(...memory.map((m) => m.events)) : 0;
  const memoryRatio = memorySummary.destkit && memorySummary.baseline
    ? memorySummary.destkit.median / memorySummary.baseline.median
    : undefined;
  const coldRatio = coldStart.destkit && coldStart.baseline
    ? coldStart.destkit.wall.median / coldStart.baseline.wall.median
    : undefined;
  const targets = [
    check(
      "mapping + validation vs reference",
      row("map_validate").destkitVsReference,
      ">= 5x",
      (v) => v >= 5,
    ),
    check(
      "onEvent without I/O vs reference",
      row("onevent_noio").destkitVsReference,
      ">= 5x",
      (v) => v >= 5,
    ),
    check(
      "end to end c=32 vs baseline",
      row("e2e_c32").destkitVsBaseline,
      "<= 1.3x",
      (v) => v <= 1.3,
    ),
    check(
      "batches of 1,000 vs baseline",
      row("batch1000").destkitVsBaseline,
      "<= 1.5x",
      (v) => v <= 1.5,
    ),
    check(
      `peak RSS, ${streamed.toLocaleString("en-US")} events vs baseline`,
      memoryRatio,
      "<= 1.3x",
      (v) => v <= 1.3,
    ),
    check(
      "cold start vs hand-written sender",
      coldRatio,
      "<= 1.5x",
      (v) => v <= 1.5,
    ),
  ];
  return { throughput, memory: memorySummary, coldStart, targets };
}

function rate(spread?: Spread): string {
  return spread ? Math.round(spread.median).toLocaleString("en-US") : "-";
}

function times(value?: number): string {
  return value === undefined ? "-" : `${value.toFixed(2)}x`;
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((r) => r[c].length))
  );
  const line = (cells: string[]) =>
    "| " +
    cells.map((
      cell,
      c,
    ) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(
      " | ",
    ) + " |";
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}

/** Renders the summary (and the area benchmarks' rows) as plain-text tables. */
export function renderSummary(summary: Summary, extras: ExtraResult[]): string {
  const parts: string[] = [];
  parts.push(table(
    [
      "measure (events/s, median)",
      "destkit",
      "reference",
      "baseline",
      "dk/ref",
      "dk vs base",
      "ref vs base",
    ],
    summary.throughput.map((row) => [
      `${row.measure} (base: ${row.baselineName})`,
      rate(row.destkit),
      rate(row.reference),
      rate(row.baseline),
      times(row.destkitVsReference),
      times(row.destkitVsBaseline),
      times(row.referenceVsBaseline),
    ]),
  ));
  const latencyRows = summary.throughput.filter((row) => row.latency).flatMap((
    row,
  ) =>
    Object.entries(row.latency!).map((
      [impl, l],
    ) => [row.measure, impl, ms(l.p50Ms), ms(l.p99Ms)])
  );
  parts.push(
    table(
      ["latency per call (ms)", "implementation", "p50", "p99"],
      latencyRows,
    ),
  );
  const memoryRows = Object.entries(summary.memory).map(([impl, m]) => [
    impl,
    `${(m.median / 1048576).toFixed(1)} MB`,
    `${(m.min / 1048576).toFixed(1)}-${(m.max / 1048576).toFixed(1)}`,
    Math.round(m.perSec).toLocaleString("en-US"),
  ]);
  parts.push(
    table(
      ["memory (peak RSS)", "median", "min-max MB", "events/s"],
      memoryRows,
    ),
  );
  const coldRows = Object.entries(summary.coldStart).map(([impl, c]) => [
    impl,
    ms(c.wall.median),
    `${ms(c.wall.min)}-${ms(c.wall.max)}`,
    ms(c.firstEvent.median),
  ]);
  parts.push(
    table([
      "cold start (ms)",
      "wall median",
      "wall min-max",
      "first event (in-process)",
    ], coldRows),
  );
  const extraRows = extras.flatMap((extra) =>
    extra.rows
      ? extra.rows.map((r) => [
        `${extra.file}: ${r.name}`,
        rate({ median: r.destkitPerSec, min: 0, max: 0, runs: 1 }),
        rate({ median: r.segmentPerSec, min: 0, max: 0, runs: 1 }),
        times(r.ratio),
      ])
      : [[`${extra.file}: skipped (${extra.skipped})`, "-", "-", "-"]]
  );
  if (extraRows.length) {
    parts.push(
      table(["area benchmark", "destkit/s", "segment/s", "ratio"], extraRows),
    );
  }
  parts.push(table(
    ["target (README.md)", "this run", "limit", "met"],
    summary.targets.map((
      t,
    ) => [
      t.target,
      times(t.value),
      t.limit,
      t.met === undefined ? "n/a" : t.met ? "yes" : "NO",
    ]),
  ));
  return parts.join("\n\n");
}
