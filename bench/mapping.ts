// deno-lint-ignore-file no-console
/**
 * Mapping speed: destkit's `transform` (compiled once, cached by the mapping
 * object) and `compileMapping(...).resolve` against `@segment/actions-core`
 * 3.170.0's `transform`, which validates and walks the mapping for every
 * event. Same mappings, same events, one process, bounded loops (count and
 * time). Each mapping is first checked to give the same output on both.
 *
 * `deno run --allow-all bench/mapping.ts [--quick]`
 *
 * @module
 */
import { createRequire } from "node:module";
import {
  type BenchRow,
  benchRow,
  formatRows,
  measureRate,
} from "./lib/area_bench.ts";
import { compileMapping, transform } from "../core/mapping/mod.ts";
import { SUBSCRIPTION } from "./scenario/definition.ts";
import { generateEvents } from "./scenario/events.ts";

type Transform = (mapping: unknown, data: unknown) => unknown;

// Every directive at least once, nested inside one another.
const ALL_DIRECTIVES_MAPPING = {
  id: { "@path": "$.messageId" },
  label: { "@template": "{{event}} by {{{context.traits.email}}}" },
  fixed: { "@literal": { source: "bench", user: { "@path": "$.userId" } } },
  known: {
    "@if": {
      blank: { "@path": "$.userId" },
      then: "identified",
      else: "anonymous",
    },
  },
  event_lower: {
    "@case": { operator: "lower", value: { "@path": "$.event" } },
  },
  slug: {
    "@replace": {
      pattern: " ",
      replacement: "_",
      value: { "@path": "$.event" },
    },
  },
  skus: {
    "@arrayPath": ["$.properties.products", { sku: { "@path": "$.sku" } }],
  },
  context_json: {
    "@json": { mode: "encode", value: { "@path": "$.context.page" } },
  },
  flat_traits: {
    "@flatten": { separator: ".", value: { "@path": "$.context.traits" } },
  },
  merged: {
    "@merge": {
      direction: "right",
      objects: [{ "@path": "$.context.page" }, { plan: "free" }],
    },
  },
  shaped: {
    "@transform": {
      apply: { email: { "@path": "$.context.traits.email" } },
      mapping: {
        "@case": { operator: "upper", value: { "@path": "$.email" } },
      },
    },
  },
  coupon: {
    "@excludeWhenNull": {
      code: { "@path": "$.properties.coupon" },
      total: { "@path": "$.properties.total" },
    },
  },
  greeting: {
    "@liquid":
      "{{ event | downcase }} for {{ context.traits.first_name | default: 'guest' }}",
  },
};

const MAPPINGS: [string, unknown][] = [
  ["bench-webhook mapping", SUBSCRIPTION.mapping],
  ["every directive", ALL_DIRECTIVES_MAPPING],
];

/** Measures each mapping through destkit and Segment and returns one row per comparison. */
export function runMappingBench(
  options: { quick?: boolean } = {},
): Promise<BenchRow[]> {
  const { quick = false } = options;
  const require = createRequire(import.meta.url);
  const segmentTransform = require("@segment/actions-core")
    .transform as Transform;
  const events = generateEvents(quick ? 200 : 1_000) as unknown[];
  const count = events.length;
  const iterations = quick ? 20_000 : 300_000;
  const capMs = quick ? 200 : 1_500;
  const rows: BenchRow[] = [];
  for (const [label, mapping] of MAPPINGS) {
    for (let i = 0; i < count; i++) {
      const ours = JSON.stringify(transform(mapping, events[i]));
      const theirs = JSON.stringify(segmentTransform(mapping, events[i]));
      if (ours !== theirs) {
        throw new Error(
          `Cannot benchmark ${label}: destkit and Segment disagree on event ${i}`,
        );
      }
    }
    const segmentPerSec = measureRate(
      (i) => segmentTransform(mapping, events[i % count]),
      iterations,
      capMs,
      2_000,
    );
    rows.push(benchRow(
      `${label}: transform`,
      measureRate(
        (i) => transform(mapping, events[i % count]),
        iterations,
        capMs,
        2_000,
      ),
      segmentPerSec,
    ));
    const compiled = compileMapping(mapping);
    rows.push(benchRow(
      `${label}: compiled resolve`,
      measureRate(
        (i) => compiled.resolve(events[i % count]),
        iterations,
        capMs,
        2_000,
      ),
      segmentPerSec,
    ));
  }
  return Promise.resolve(rows);
}

if (import.meta.main) {
  const rows = await runMappingBench({ quick: Deno.args.includes("--quick") });
  console.log(formatRows(rows));
}

export type { BenchRow };
