import assert from "node:assert/strict";
import { join } from "node:path";
import {
  createWorkspace,
  editFile,
  runCli,
  runCliFailing,
  scaffoldTrack,
} from "./_testing.ts";
import { validateDestinations } from "./validate.ts";

const BAD = `import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "Bad",
  slug: "actions-bad",
  mode: "cloud",
  authentication: {
    scheme: "custom",
    fields: { apiKey: { label: "API key", description: "The key.", type: "string", required: true } },
  },
  presets: [
    { name: "Missing", subscribe: 'type = "track"', partnerAction: "nope", type: "automatic" },
    { name: "Broken", subscribe: "type = ", partnerAction: "track", mapping: { missing: "x" }, type: "automatic" },
  ],
  actions: {
    track: {
      title: "Track",
      defaultSubscription: 'type = "track" and',
      fields: {
        plan: { label: "Plan", type: "string", choices: ["free", "pro"], default: "gold" },
        email: { label: "Email", description: "The email.", type: "string", default: { "@path": 5 } },
      },
      perform: () => {},
    },
  },
});
`;

const NO_LABEL = `import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "No label",
  slug: "actions-no-label",
  mode: "cloud",
  actions: {
    track: {
      title: "Track",
      description: "Tracks.",
      fields: {
        size: { description: "The size.", type: "integer", choices: [1, 1.5] },
        user: {
          label: "User",
          description: "The user.",
          type: "object",
          properties: { name: { label: " ", description: "The name.", type: "string" } },
        },
      },
      perform: () => {},
    },
  },
} as never);
`;

const NO_PERFORM = `import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "No perform",
  slug: "actions-no-perform",
  mode: "cloud",
  extendRequest: "headers",
  presets: [
    { name: "Odd", eventSlug: "", partnerAction: "track", type: "specificEvent" },
  ],
  actions: {
    track: { title: "Track", description: "Tracks.", fields: {} },
  },
} as never);
`;

const COPY = `import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "Copy",
  slug: "actions-bad",
  mode: "cloud",
  actions: {},
});
`;

/** Writes `source` as the definition of the destination folder `folder` in `directory`. */
async function writeDestination(
  directory: string,
  folder: string,
  source: string,
): Promise<void> {
  await Deno.mkdir(join(directory, folder));
  await Deno.writeTextFile(join(directory, folder, "index.ts"), source);
}

/** One line per finding, with paths relative to the workspace `root`. */
function summarize(
  findings: { level: string; file: string; path: string; message: string }[],
  root: string,
): string[] {
  return findings.map((finding) =>
    `${finding.level} ${finding.file} ${finding.path}: ${finding.message}`
      .replaceAll(`${root}/`, "")
  );
}

Deno.test("validateDestinations() reports each problem with its file and path", async (t) => {
  const root = await createWorkspace();
  const directory = join(root, "destinations");
  try {
    await scaffoldTrack(directory, "Good");
    await writeDestination(directory, "actions-bad", BAD);

    await t.step("a scaffold has no finding", async () => {
      const result = await validateDestinations({
        directory,
        slug: "actions-good",
        skipGit: true,
      });
      assert.deepEqual(summarize(result.findings, root), []);
      assert.equal(result.checked, 1);
    });

    await t.step("a bad definition has one finding per problem", async () => {
      const { findings } = await validateDestinations({
        directory,
        slug: "actions-bad",
        skipGit: true,
      });
      const lines = summarize(findings, root);
      const expected = [
        /^error destinations\/actions-bad\/index.ts authentication.fields.apiKey: "apiKey" looks like a secret but is of type string/,
        /^error destinations\/actions-bad\/index.ts actions.track.description: the action has no description$/,
        /^error destinations\/actions-bad\/index.ts actions.track.defaultSubscription: Cannot parse subscription query .* at column 19$/,
        /^error destinations\/actions-bad\/index.ts actions.track.fields.plan: the field has no description$/,
        /^error destinations\/actions-bad\/index.ts actions.track.fields.plan.*"gold"/,
        /^error destinations\/actions-bad\/index.ts actions.track.fields.email.default: the mapping is invalid: .*@path/,
        /^error destinations\/actions-bad\/index.ts presets\[0\].partnerAction: names an unknown action "nope" \(actions: track\)$/,
        /^error destinations\/actions-bad\/index.ts presets\[1\].subscribe: Cannot parse subscription query/,
        /^error destinations\/actions-bad\/index.ts presets\[1\].mapping.missing: action "track" has no field "missing"$/,
      ];
      assert.equal(lines.length, expected.length, lines.join("\n"));
      for (const [index, pattern] of expected.entries()) {
        assert.match(lines[index], pattern);
      }
    });

    await t.step("a slug used twice is an error on the second", async () => {
      await writeDestination(directory, "copy", COPY);
      const { findings } = await validateDestinations({
        directory,
        slug: "copy",
        skipGit: true,
      });
      assert.deepEqual(summarize(findings, root), [
        'error destinations/copy/index.ts slug: the slug "actions-bad" is also used by destinations/actions-bad/index.ts',
      ]);
      await Deno.remove(join(directory, "copy"), { recursive: true });
    });

    await t.step(
      "the command prints one line per finding and exits 1 on errors",
      async () => {
        const run = await runCli("validate.ts", ["--skip-git"], { cwd: root });
        assert.equal(run.code, 1);
        const lines = run.stdout.trimEnd().split("\n");
        assert.match(
          lines[0],
          /^destinations\/actions-bad\/index.ts: error: authentication.fields.apiKey: /,
        );
        assert.equal(
          lines.at(-1),
          "9 errors, 0 warnings in 2 destinations (breaking changes: skipped (--skip-git))",
        );
      },
    );

    await t.step("an unknown destination fails", async () => {
      await runCliFailing(
        "validate.ts",
        ["nope", "--skip-git"],
        root,
        /error: Cannot find destination "nope" in .*destinations: known: actions-bad, actions-good/,
      );
    });

    const coreChecks = [
      {
        name: "core's definition checks are reported once each",
        folder: "no-label",
        source: NO_LABEL,
        findings: [
          'error destinations/no-label/index.ts actions.track.fields.size: Cannot use field "size" of actions.track.fields: "label" must be a string',
          'error destinations/no-label/index.ts actions.track.fields.size: Cannot use field "size" of actions.track.fields: choice 1.5 does not fit the field: must be an integer, received 1.5',
          "error destinations/no-label/index.ts actions.track.fields.user.properties.name: the field has no label",
        ],
      },
      {
        name: "every issue core finds is printed, not only the first",
        folder: "no-perform",
        source: NO_PERFORM,
        findings: [
          'error destinations/no-perform/index.ts extendRequest: "extendRequest" must be a function, got "headers"',
          "error destinations/no-perform/index.ts actions.track.perform: has no perform function",
          "error destinations/no-perform/index.ts presets[0].eventSlug: has no eventSlug",
        ],
      },
    ];
    for (const { name, folder, source, findings } of coreChecks) {
      await t.step(name, async () => {
        await writeDestination(directory, folder, source);
        const result = await validateDestinations({
          directory,
          slug: `actions-${folder}`,
          skipGit: true,
        });
        assert.deepEqual(summarize(result.findings, root), findings);
      });
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

async function git(cwd: string, ...args: string[]): Promise<void> {
  const output = await new Deno.Command("git", {
    args: [
      "-c",
      "user.email=ci@destkit.test",
      "-c",
      "user.name=CI",
      "-c",
      "commit.gpgsign=false",
      ...args,
    ],
    cwd,
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.ok(output.success, new TextDecoder().decode(output.stderr));
}

Deno.test("validateDestinations() catches required fields added since the last release", async (t) => {
  const root = await createWorkspace();
  const directory = join(root, "destinations");
  try {
    await scaffoldTrack(directory);
    await git(root, "init", "--quiet");
    await git(root, "add", "destinations");
    await git(root, "commit", "--quiet", "-m", "release");
    await git(root, "tag", "v1.0.0");

    const action = join(root, "destinations/actions-acme/track/index.ts");
    await editFile(action, (text) =>
      text.replace(
        "  fields: {\n",
        '  fields: {\n    region: { label: "Region", description: "The region.", type: "string", required: true },\n',
      ).replace(
        '      description: "The ID of the user.",\n',
        '      description: "The ID of the user.",\n      required: true,\n',
      ));

    await t.step("the latest tag is the default reference", async () => {
      const result = await validateDestinations({ directory });
      assert.equal(result.comparedWith, "v1.0.0");
      assert.deepEqual(summarize(result.findings, root), [
        "error destinations/actions-acme/track/index.ts actions.track.fields.region: a new required field since v1.0.0: existing configurations have no value for it (a breaking change); make it optional",
        "error destinations/actions-acme/track/index.ts actions.track.fields.userId: a field made required since v1.0.0: existing configurations have no value for it (a breaking change); make it optional",
      ]);
    });

    await t.step(
      "--since compares with any ref; a committed change is no longer new",
      async () => {
        await git(root, "commit", "--quiet", "-am", "region");
        const result = await validateDestinations({ directory, since: "HEAD" });
        assert.deepEqual(result.findings, []);
      },
    );

    await t.step("an unknown ref is an error", async () => {
      await assert.rejects(
        validateDestinations({ directory, since: "v9" }),
        /Cannot compare with v9: git knows no such commit, tag or branch/,
      );
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
