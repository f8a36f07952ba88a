import assert from "node:assert/strict";
import { hasDestkitRuntime } from "./lib/implementations.ts";
import type { BenchReport } from "./main.ts";
import { EXPECTED_DIGEST } from "./lib/gate.ts";

async function isListening(port: number): Promise<boolean> {
  try {
    const connection = await Deno.connect({ hostname: "127.0.0.1", port });
    connection.close();
    return true;
  } catch {
    return false;
  }
}

Deno.test("deno task bench --tiny runs the whole harness end to end", async (t) => {
  const out = await Deno.makeTempFile({ suffix: ".json" });
  const main = new URL("./main.ts", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", main, "--tiny", "--out", out],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout);
  const report = code === 0
    ? JSON.parse(await Deno.readTextFile(out)) as BenchReport
    : undefined;
  await Deno.remove(out);
  const expectDestkit = await hasDestkitRuntime();

  await t.step("exits with 0", () => {
    assert.equal(code, 0, `${text}\n${new TextDecoder().decode(stderr)}`);
  });
  await t.step("started the sink on 127.0.0.1 and stopped it", async () => {
    const match = /sink pid (\d+) listening on http:\/\/127\.0\.0\.1:(\d+)/
      .exec(text);
    assert.ok(match, text);
    assert.equal(await isListening(Number(match[2])), false);
    await assert.rejects(Deno.stat(`/proc/${match[1]}`));
  });
  await t.step(
    "measured destkit unless its runtime is not exported yet",
    () => {
      const expected = expectDestkit
        ? ["destkit", "reference", "baseline"]
        : ["reference", "baseline"];
      assert.deepEqual(report!.meta.implementations, expected);
      assert.deepEqual(
        report!.runs.map((run) => run.implementation),
        expected.slice(0, -1),
      );
    },
  );
  await t.step("passed the correctness gate with SCENARIO.md's digest", () => {
    const checked = report!.gate.flatMap((gate) =>
      [gate.digest.implementation, gate.digest.baseline ?? []].flat()
    );
    assert.equal(checked.length, report!.gate.length + 1);
    for (const { requests, bytes, authorizationOk, digest } of checked) {
      assert.deepEqual(
        { requests, bytes, authorizationOk, digest },
        EXPECTED_DIGEST,
      );
    }
  });
  await t.step("reports every measure, memory and cold start", () => {
    const summary = report!.summary;
    for (const row of summary.throughput) {
      assert.ok(row.reference!.median > 0, row.measure);
      assert.ok(row.baseline!.median > 0, row.measure);
      if (expectDestkit) assert.ok(row.destkit!.median > 0, row.measure);
    }
    assert.ok(summary.memory.baseline.median > 0);
    assert.ok(summary.coldStart.baseline.wall.median > 0);
    const met = summary.targets.map((target) => target.met);
    assert.equal(met.every((m) => m !== undefined), expectDestkit);
  });
});
