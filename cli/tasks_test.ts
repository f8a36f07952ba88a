import assert from "node:assert/strict";
import { join } from "node:path";
import { REPO_ROOT, runDeno } from "./_testing.ts";

const config = JSON.parse(
  await Deno.readTextFile(join(REPO_ROOT, "deno.json")),
) as { version: string; tasks: Record<string, string | { command: string }> };

/**
 * The tasks that are commands of ours, with `--help`, `--version` and usage
 * errors (`serve` is tested with the tester, in serve_test.ts).
 */
const COMMANDS = [
  "init",
  "action",
  "validate",
  "manifest",
  "serve",
  "bundle",
  "bench",
  "fuzz",
  "replay",
];

Deno.test("deno task lists every task with a description", async () => {
  const run = await runDeno(["task"], REPO_ROOT);
  assert.equal(run.code, 0, run.stderr);
  const listing = `${run.stdout}${run.stderr}`;
  for (const [name, task] of Object.entries(config.tasks)) {
    assert.equal(typeof task, "object", `the task ${name} has no description`);
    const description = (task as { description?: string }).description;
    assert.ok(
      description !== undefined && description.length > 10,
      `the task ${name} has no description`,
    );
    assert.ok(
      listing.includes(`- ${name}\n    // ${description}`),
      `deno task does not list ${name} with its description`,
    );
  }
});

Deno.test("every command task has --help with examples, --version and one error style", async (t) => {
  for (const name of COMMANDS) {
    await t.step(`deno task ${name}`, async () => {
      const help = await runDeno(["task", name, "--help"], REPO_ROOT);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^Usage: deno task ${name} `));
      assert.match(
        help.stdout,
        new RegExp(`\\nExamples:\\n {2}\\$ deno task ${name}`),
      );
      assert.ok(
        help.stdout.split("\n").length > 8,
        `${name} --help is too short`,
      );

      const version = await runDeno(["task", name, "--version"], REPO_ROOT);
      assert.equal(version.code, 0, version.stderr);
      assert.equal(version.stdout, `destkit ${config.version}\n`);

      const bogus = await runDeno(["task", name, "--bogus"], REPO_ROOT);
      assert.equal(bogus.code, 1);
      assert.match(
        bogus.stderr,
        new RegExp(
          `error: unknown option '--bogus'\\n\\(run deno task ${name} --help for usage and examples\\)`,
        ),
      );
    });
  }
});

Deno.test("deno task bench --help prints the help and starts nothing", async () => {
  const run = await runDeno(["task", "bench", "--help"], REPO_ROOT);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /--quick +a smoke run for CI/);
  assert.doesNotMatch(run.stdout, /\[bench /);
});

Deno.test("deno task bundle takes only slugs as arguments", async (t) => {
  await t.step("an unknown slug names the destinations folder", async () => {
    const run = await runDeno(["task", "bundle", "nope"], REPO_ROOT);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /error: Cannot bundle nope: no device-mode destination with that slug/,
    );
  });
  await t.step("--budget must be a positive number of bytes", async () => {
    const run = await runDeno(
      ["task", "bundle", "--budget", "lots"],
      REPO_ROOT,
    );
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /error: option '--budget <bytes>' argument 'lots' is invalid\. expected a positive whole number of gzipped bytes, got "lots"/,
    );
  });
});
