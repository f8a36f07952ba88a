// deno-lint-ignore-file no-console
"use strict";
// The oracle side of the replay: Segment's own runtime (@segment/actions-core, as installed
// with @segment/action-destinations in this folder) under Node.js.
//   node replay/oracle_run.cjs <out.json> [slug ...]
// Writes `{ [slug]: { cases } | { load } | { skipped } }` to <out.json>.
const { writeFileSync } = require("node:fs");
const { join } = require("node:path");
const replay = require("./_replay_cases.cjs");

async function main() {
  const [out, ...only] = process.argv.slice(2);
  if (!out) {
    throw new Error("Usage: node replay/oracle_run.cjs <out.json> [slug ...]");
  }
  replay.freezeClock();
  const recorder = replay.createRecorder();
  replay.interceptNetwork(recorder);
  const root = join(
    __dirname,
    "node_modules/@segment/action-destinations/dist/destinations",
  );
  const { Destination } = require("@segment/actions-core");
  const slugs = only.length > 0 ? only : replay.listDestinations(root);
  const results = await replay.replayDestinations({
    slugs,
    recorder,
    load(slug) {
      const loaded = require(join(root, slug, "index.js"));
      return loaded?.default ?? loaded;
    },
    create: (definition) => new Destination(definition),
  });
  writeFileSync(out, JSON.stringify(results));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
