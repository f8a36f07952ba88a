import assert from "node:assert/strict";
import { runCampaign } from "./campaign.ts";
import { InputSource } from "./_inputs.ts";
import { quickCampaign } from "./main.ts";
import { campaignPassed, formatReport } from "./report.ts";
import { createTargets } from "./targets/mod.ts";

const SELFTEST_LIMITS = { maxHuge: 0, maxNest: 0, maxChain: 2 };

Deno.test("the campaign counts planted failures, deaths and hangs, and names their inputs", async (t) => {
  const report = await runCampaign({
    seeds: [5],
    inputs: 60,
    rotation: ["selftest"],
    limits: SELFTEST_LIMITS,
    shardSize: 30,
    jobs: 2,
    inputTimeoutMs: 1_000,
    minimize: 1,
    minimizeMs: 1_000,
  });
  const source = new InputSource(
    createTargets(),
    ["selftest"],
    SELFTEST_LIMITS,
  );

  await t.step("every input is counted once", () => {
    assert.equal(report.ran, 60);
    assert.equal(
      report.ok + report.typed + report.untyped + report.deaths.length,
      60,
    );
  });
  await t.step(
    "a process that exits is a death at the input that exited",
    () => {
      const died = report.deaths.filter((death) => death.kind === "died");
      assert.ok(died.length > 0);
      for (const death of died) {
        assert.equal(
          source.inputOf(5, death.index),
          "exit",
        );
      }
    },
  );
  await t.step(
    "a process that hangs is killed and counted at the input that hung",
    () => {
      const hung = report.deaths.filter((death) => death.kind === "hung");
      assert.ok(hung.length > 0);
      for (const death of hung) {
        assert.equal(
          source.inputOf(5, death.index),
          "hang",
        );
      }
    },
  );
  await t.step(
    "untyped failures are grouped, with the first input of each kind",
    () => {
      assert.ok(report.untyped > 0);
      for (const kind of report.failures) {
        assert.match(kind.signature, /^selftest: Planted failure (one|two)$/);
        assert.match(String(source.inputOf(5, kind.first.index)), /^untyped/);
      }
      assert.equal(
        report.failures.reduce((sum, kind) => sum + kind.count, 0),
        report.untyped,
      );
    },
  );
  await t.step("the report fails and gives replay commands", () => {
    assert.equal(campaignPassed(report), false);
    const text = formatReport(report, {
      replayArguments: " --targets selftest",
    });
    const death = report.deaths[0];
    assert.ok(
      text.includes(
        `deno task fuzz --replay 5:${death.index} --targets selftest`,
      ),
    );
    assert.match(text, /FAILED$/);
  });
});

Deno.test("the quick campaign finds no untyped failure and no process death", async () => {
  // `deno test --parallel` shares two cores with every other test file: the limit per input is
  // loose here, a hang is still caught, and the release campaign reports the slowest input.
  const report = await runCampaign({
    ...quickCampaign(),
    inputTimeoutMs: 10_000,
  });
  assert.equal(report.ran, report.inputs);
  assert.ok(campaignPassed(report), formatReport(report));
});
