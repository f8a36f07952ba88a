/**
 * Compares the two sides of the replay per destination: a destination is identical when
 * every case sent the same requests (method, URL, headers, body bytes, in order) and had
 * the same outcome (result, or error name, message, code and status).
 *
 * @module
 */

/** One outgoing request as recorded. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body as UTF-8 text, or `base64:<bytes>`. */
  body: string;
}

/** One event through `onEvent`: what was sent and how it ended. */
export interface ReplayCase {
  type: string;
  requests: RecordedRequest[];
  outcome: unknown;
}

/** One side's answer for one destination. */
export type ReplaySide =
  | { cases: ReplayCase[] }
  | { load: string }
  | { skipped: string };

/** One side's answers, by destination slug. */
export type ReplayResults = Record<string, ReplaySide>;

/** A destination's line of the report. */
export interface ReplayRow {
  slug: string;
  cases: number;
  status: "identical" | "different" | "not run";
  /** Whether every case put the same requests on the wire, in the same order. */
  requests: "identical" | "different" | "";
  /** The first difference (or why it did not run), empty when identical. */
  detail: string;
}

const CLIP = 120;

function clip(text: string): string {
  return text.length > CLIP ? `${text.slice(0, CLIP)}…` : text;
}

function json(value: unknown): string {
  return JSON.stringify(value) ?? "undefined";
}

/** Where two strings first differ, with a little context before it. */
function firstDifference(oracle: string, ours: string): string {
  let at = 0;
  while (at < oracle.length && oracle[at] === ours[at]) at++;
  const from = Math.max(0, at - 30);
  return `Segment ${json(clip(oracle.slice(from)))}, destkit ${
    json(clip(ours.slice(from)))
  }`;
}

function compareRequests(
  oracle: RecordedRequest[],
  ours: RecordedRequest[],
): string | undefined {
  const sorted = (requests: RecordedRequest[]) =>
    requests.map((request) => json(request)).sort().join("\n");
  const reordered = json(oracle) !== json(ours) &&
    sorted(oracle) === sorted(ours);
  if (reordered) {
    return `the same ${oracle.length} requests in another order`;
  }
  if (oracle.length !== ours.length) {
    return `${oracle.length} requests from Segment, ${ours.length} from destkit`;
  }
  for (const [index, expected] of oracle.entries()) {
    const actual = ours[index];
    for (const key of ["method", "url", "headers", "body"] as const) {
      const a = json(expected[key]);
      const b = json(actual[key]);
      if (a !== b) {
        return `request ${index + 1} ${key}: ${firstDifference(a, b)}`;
      }
    }
  }
  return undefined;
}

function sameRequests(oracle: ReplayCase[], ours: ReplayCase[]): boolean {
  return oracle.length === ours.length &&
    oracle.every((expected, index) =>
      json(expected.requests) === json(ours[index]?.requests)
    );
}

function compareCases(oracle: ReplayCase[], ours: ReplayCase[]): string {
  for (const [index, expected] of oracle.entries()) {
    const actual = ours[index];
    if (actual === undefined) return `${expected.type}: no case from destkit`;
    const requests = compareRequests(expected.requests, actual.requests);
    if (requests !== undefined) return `${expected.type}: ${requests}`;
    const a = json(expected.outcome);
    const b = json(actual.outcome);
    if (a !== b) return `${expected.type}: outcome: ${firstDifference(a, b)}`;
  }
  if (ours.length > oracle.length) {
    return `${ours[oracle.length].type}: a case Segment's runtime did not run`;
  }
  return "";
}

function notRun(slug: string, detail: string): ReplayRow {
  return { slug, cases: 0, status: "not run", requests: "", detail };
}

/** The report's rows, one per destination either side ran, sorted by slug. */
export function compareReplays(
  oracle: ReplayResults,
  ours: ReplayResults,
): ReplayRow[] {
  const slugs = [...new Set([...Object.keys(oracle), ...Object.keys(ours)])]
    .sort();
  return slugs.map((slug): ReplayRow => {
    const expected = oracle[slug];
    const actual = ours[slug];
    if (expected === undefined || actual === undefined) {
      const side = expected === undefined ? "Segment" : "destkit";
      return notRun(slug, `not run by ${side}`);
    }
    if ("load" in expected || "load" in actual) {
      const detail = "load" in expected
        ? `Segment could not load it: ${expected.load}`
        : `destkit could not load it: ${(actual as { load: string }).load}`;
      return notRun(slug, clip(detail));
    }
    if ("skipped" in expected || "skipped" in actual) {
      const reason = "skipped" in expected
        ? expected.skipped
        : (actual as { skipped: string }).skipped;
      return notRun(slug, reason);
    }
    if (!("cases" in expected) || !("cases" in actual)) {
      return notRun(slug, "no cases");
    }
    const detail = compareCases(expected.cases, actual.cases);
    return {
      slug,
      cases: expected.cases.length,
      status: detail === "" ? "identical" : "different",
      requests: sameRequests(expected.cases, actual.cases)
        ? "identical"
        : "different",
      detail,
    };
  });
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** The rows as a Markdown table, with a summary line above it. */
export function formatReplayTable(rows: readonly ReplayRow[]): string {
  const identical = rows.filter((row) => row.status === "identical").length;
  const different = rows.filter((row) => row.status === "different").length;
  const notRun = rows.length - identical - different;
  const lines = [
    `${rows.length} destinations: ${identical} identical, ${different} different, ${notRun} not run`,
    "",
    "| destination | cases | requests | result |",
    "| --- | --- | --- | --- |",
  ];
  for (const row of rows) {
    const result = row.status === "identical"
      ? "identical"
      : `${row.status}: ${row.detail}`;
    lines.push(
      `| ${row.slug} | ${row.cases} | ${row.requests} | ${
        escapeCell(result)
      } |`,
    );
  }
  return lines.join("\n");
}
