// The replay of Segment's published cloud destinations, Segment's runtime against the
// drop-in: the destinations that differ are exactly those of known_differences.ts. Installs
// the oracle packages with `npm ci` in replay/ when they are missing.
import assert from "node:assert/strict";
import { formatReplayTable } from "./compare.ts";
import {
  checkKnownDifferences,
  KNOWN_DIFFERENCES,
} from "./known_differences.ts";
import { runReplay } from "./run_replay.ts";

Deno.test("replay: Segment's published destinations on the drop-in and on Segment's runtime", async (t) => {
  const { rows } = await runReplay({ stderr: "null" });
  const table = formatReplayTable(rows);

  await t.step("both sides ran every installed destination", () => {
    assert.ok(rows.length >= 200, table);
    const notRun = rows.filter((row) => row.status === "not run");
    assert.deepEqual(notRun, [], table);
  });
  await t.step(
    "the destinations that differ are exactly the known ones",
    () => {
      const { joined, left } = checkKnownDifferences(rows);
      assert.deepEqual(
        { joined, left },
        { joined: [], left: [] },
        `joined: destinations that now differ; left: listed ones now identical\n${table}`,
      );
    },
  );
  await t.step("every known difference says why", () => {
    for (const [slug, reason] of Object.entries(KNOWN_DIFFERENCES)) {
      assert.ok(reason.length > 40, `${slug} needs a reason`);
    }
  });
});
