// deno-lint-ignore-file no-console
/**
 * Subscription matching speed: destkit's compiled matcher against Segment's
 * `@segment/destination-subscriptions` 3.37.0 `validate(parseFql(query), event)`
 * with the query parsed once, and against Segment's runtime path, which parses
 * the query for every event (destkit's counterpart is `matchesFql` with the
 * query string, served from its cache). Bounded loops, one process.
 *
 * `deno run --allow-all bench/fql.ts [--quick]`
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
import { compileFql, matchesFql } from "../core/fql/mod.ts";

interface SegmentSubscriptions {
  parseFql(query: string): unknown;
  validate(subscription: unknown, event: unknown): boolean;
}

const QUERIES: [string, string][] = [
  ["type", 'type = "track"'],
  ["type and event", 'type = "track" and event = "Order Completed"'],
  [
    "group and number",
    'type = "track" and (event = "Order Completed" or event = "Product Added") and properties.total > 100',
  ],
  [
    "contains and match",
    'contains(event, "Order") and match(context.page.path, "/shop/*")',
  ],
  ["nested path exists", 'type = "identify" and traits.address.city != null'],
];

const EVENTS: unknown[] = [
  {
    type: "track",
    event: "Order Completed",
    properties: { total: 120, currency: "EUR" },
    context: { page: { path: "/shop/cart" } },
  },
  {
    type: "track",
    event: "Product Added",
    properties: { total: 80 },
    context: { page: { path: "/blog" } },
  },
  { type: "identify", traits: { email: "a@b.co", address: { city: "Lyon" } } },
  {
    type: "page",
    name: "Home",
    properties: { path: "/" },
    context: { page: { path: "/" } },
  },
];

/** Measures every query three ways and returns one row per comparison. */
export function runFqlBench(
  options: { quick?: boolean } = {},
): Promise<BenchRow[]> {
  const { quick = false } = options;
  const require = createRequire(import.meta.url);
  const segment = require(
    "@segment/destination-subscriptions",
  ) as SegmentSubscriptions;
  const iterations = quick ? 50_000 : 1_000_000;
  const capMs = quick ? 150 : 1_000;
  const count = EVENTS.length;
  const rows: BenchRow[] = [];
  for (const [label, query] of QUERIES) {
    const matches = compileFql(query);
    const parsed = segment.parseFql(query);
    for (let i = 0; i < count; i++) {
      if (matches(EVENTS[i]) !== segment.validate(parsed, EVENTS[i])) {
        throw new Error(
          `Cannot benchmark ${
            JSON.stringify(query)
          }: destkit and Segment disagree on event ${i}`,
        );
      }
    }
    rows.push(benchRow(
      `${label}: compiled vs validate(parsed once)`,
      measureRate((i) => matches(EVENTS[i % count]), iterations, capMs),
      measureRate(
        (i) => segment.validate(parsed, EVENTS[i % count]),
        iterations,
        capMs,
      ),
    ));
    rows.push(benchRow(
      `${label}: matchesFql(string) vs parse per event`,
      measureRate(
        (i) => matchesFql(EVENTS[i % count], query),
        iterations,
        capMs,
      ),
      measureRate(
        (i) => segment.validate(segment.parseFql(query), EVENTS[i % count]),
        iterations / 10,
        capMs,
      ),
    ));
  }
  return Promise.resolve(rows);
}

if (import.meta.main) {
  const rows = await runFqlBench({ quick: Deno.args.includes("--quick") });
  console.log(formatRows(rows));
}

export type { BenchRow };
