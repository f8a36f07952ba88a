// deno-lint-ignore-file no-explicit-any
/**
 * The destkit side of the replay: the same destinations, loaded by
 * `cli/segment/load_segment_destination.ts` (every `require("@segment/actions-core")` gets
 * the drop-in) and run by `core/segment/actions_core.ts`'s `Destination` under Deno, with
 * the recording `fetch` injected.
 *
 *   deno run --allow-all replay/drop_in_run.ts <out.json> <destinations dir> [slug ...]
 *
 * Writes `{ [slug]: { cases } | { load } | { skipped } }` to `<out.json>`.
 *
 * @module
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { Destination } from "../core/segment/actions_core.ts";
import { loadSegmentDestination } from "../cli/segment/load_segment_destination.ts";

const require = createRequire(import.meta.url);
const replay = require("./_replay_cases.cjs");

const [out, root, ...only] = Deno.args;
if (out === undefined || root === undefined) {
  throw new Error(
    "Usage: deno run --allow-all replay/drop_in_run.ts <out.json> <destinations dir> [slug ...]",
  );
}
replay.freezeClock();
const recorder = replay.createRecorder();
replay.interceptNetwork(recorder);
const fetch = replay.createRecordingFetch(recorder);
const slugs: string[] = only.length > 0 ? only : replay.listDestinations(root);
const results = await replay.replayDestinations({
  slugs,
  recorder,
  load: (slug: string) => loadSegmentDestination(join(root, slug, "index.js")),
  create: (definition: any) => new Destination(definition, { fetch }),
});
await Deno.writeTextFile(out, JSON.stringify(results));
Deno.exit(0);
