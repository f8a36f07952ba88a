import assert from "node:assert/strict";
import { join } from "node:path";
import { registerAction } from "./_register_action.ts";
import { createWorkspace, runCli } from "./_testing.ts";

const registrations = [
  {
    name: "an empty actions object gets the import and a property",
    action: "track",
    before: `import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "Acme",
  slug: "actions-acme",
  mode: "cloud",
  actions: {},
});
`,
    after: `import { defineDestination } from "@destkit/core";
import track from "./track/index.ts";

export default defineDestination({
  name: "Acme",
  slug: "actions-acme",
  mode: "cloud",
  actions: {
    track,
  },
});
`,
  },
  {
    name:
      "a property goes after the last one, comments and trailing comma kept",
    action: "identify",
    before: `import { defineDestination } from "@destkit/core";
import track from "./track/index.ts"; // events

// The definition.
export default defineDestination({
  name: "Acme",
  mode: "cloud",
  actions: {
    // Sends events.
    track,
  },
});
`,
    after: `import { defineDestination } from "@destkit/core";
import track from "./track/index.ts"; // events
import identify from "./identify/index.ts";

// The definition.
export default defineDestination({
  name: "Acme",
  mode: "cloud",
  actions: {
    // Sends events.
    track,
    identify,
  },
});
`,
  },
  {
    name: "a one-line actions object stays on one line",
    action: "page",
    before:
      `const destination = { name: "Acme", actions: { track, identify } };\n`,
    after:
      `import page from "./page/index.ts";\n\nconst destination = { name: "Acme", actions: { track, identify, page } };\n`,
  },
  {
    name: "a name already declared at the top gets another local name",
    action: "destination",
    before:
      `import { x } from "./x.ts";\nexport const destination = { name: "Acme", slug: "a", actions: { x } };\n`,
    after:
      `import { x } from "./x.ts";\nimport destinationAction from "./destination/index.ts";\nexport const destination = { name: "Acme", slug: "a", actions: { x, destination: destinationAction } };\n`,
  },
  {
    name: "an import without its property gets the property only",
    action: "track",
    before:
      `import track from "./track/index.ts";\nexport default { name: "Acme", actions: {\n  page,\n} };\n`,
    after:
      `import track from "./track/index.ts";\nexport default { name: "Acme", actions: {\n  page,\n  track,\n} };\n`,
  },
];

Deno.test("registerAction() edits the definition's syntax tree", async (t) => {
  for (const { name, action, before, after } of registrations) {
    await t.step(name, () => {
      const result = registerAction(before, action);
      assert.equal(result.text, after);
      assert.equal(result.alreadyRegistered, false);
    });
  }
  await t.step("an action already registered leaves the text as it was", () => {
    const text = registrations[0].after;
    assert.deepEqual(registerAction(text, "track"), {
      text,
      alreadyRegistered: true,
      importName: "track",
    });
  });
  await t.step("a module without an actions object is refused", () => {
    assert.throws(
      () =>
        registerAction(
          `export default { name: "Acme" };\n`,
          "track",
          "acme/index.ts",
        ),
      /Cannot register action "track" in acme\/index.ts: it has no `actions: \{ ... \}` object literal/,
    );
  });
});

Deno.test("deno task action", async (t) => {
  const root = await createWorkspace();
  const index = join(root, "destinations/actions-acme/index.ts");
  try {
    const init = await runCli("init.ts", [
      "--name",
      "Acme",
      "--template",
      "custom",
      "--yes",
    ], { cwd: root });
    assert.equal(init.code, 0, init.stderr);

    await t.step(
      "adds the action, its test, and registers it; the only destination is the default",
      async () => {
        const run = await runCli("action.ts", ["trackEvent", "server"], {
          cwd: root,
        });
        assert.equal(run.code, 0, run.stderr);
        assert.match(
          run.stdout,
          /Created destinations\/actions-acme\/trackEvent/,
        );
        assert.match(
          run.stdout,
          /Registered trackEvent in destinations\/actions-acme\/index.ts/,
        );
        const text = await Deno.readTextFile(index);
        assert.match(
          text,
          /import trackEvent from "\.\/trackEvent\/index\.ts";/,
        );
        assert.match(text, /actions: \{\n {4}trackEvent,\n {2}\},/);
        const action = await Deno.readTextFile(
          join(root, "destinations/actions-acme/trackEvent/index.ts"),
        );
        assert.match(action, /title: "Track Event"/);
      },
    );

    await t.step("--title sets the title", async () => {
      const run = await runCli(
        "action.ts",
        [
          "identifyUser",
          "server",
          "--destination",
          "actions-acme",
          "--title",
          "Identify a user",
        ],
        { cwd: root },
      );
      assert.equal(run.code, 0, run.stderr);
      const action = await Deno.readTextFile(
        join(root, "destinations/actions-acme/identifyUser/index.ts"),
      );
      assert.match(action, /title: "Identify a user"/);
      assert.match(
        await Deno.readTextFile(index),
        /trackEvent,\n {4}identifyUser,/,
      );
    });

    const failures = [
      {
        name: "an existing action without --force",
        args: ["trackEvent", "server", "--destination", "actions-acme"],
        message:
          /Cannot add action "trackEvent" to "actions-acme": destinations\/actions-acme\/trackEvent exists; pass --force/,
      },
      {
        name: "an unknown destination",
        args: ["track", "server", "--destination", "nope"],
        message:
          /Cannot find destination "nope" in destinations: known: actions-acme/,
      },
      {
        name: "a browser action in a cloud destination",
        args: ["track", "browser", "--destination", "actions-acme"],
        message:
          /Cannot add a browser action to "actions-acme": it is a cloud-mode destination; add a server action/,
      },
      {
        name: "an unknown type",
        args: ["track", "lambda"],
        message: /Allowed choices are server, browser/,
      },
    ];
    for (const failure of failures) {
      await t.step(`fails on ${failure.name}, changing nothing`, async () => {
        const before = await Deno.readTextFile(index);
        const run = await runCli("action.ts", failure.args, { cwd: root });
        assert.equal(run.code, 1);
        assert.match(run.stderr, failure.message);
        assert.equal(await Deno.readTextFile(index), before);
      });
    }

    await t.step(
      "--force replaces the action's files and keeps one registration",
      async () => {
        const file = join(
          root,
          "destinations/actions-acme/trackEvent/index.ts",
        );
        await Deno.writeTextFile(file, "// edited\n");
        const run = await runCli("action.ts", [
          "trackEvent",
          "server",
          "--force",
        ], { cwd: root });
        assert.equal(run.code, 0, run.stderr);
        assert.match(
          run.stdout,
          /Already registered in destinations\/actions-acme\/index.ts/,
        );
        assert.match(
          await Deno.readTextFile(file),
          /defineAction<Settings>\(\)/,
        );
        assert.equal(
          (await Deno.readTextFile(index)).match(/trackEvent,/g)?.length,
          1,
        );
      },
    );

    await t.step(
      "with several destinations and no terminal, --destination is required",
      async () => {
        await runCli("init.ts", [
          "--name",
          "Beta",
          "--template",
          "minimal",
          "--yes",
        ], { cwd: root });
        const run = await runCli("action.ts", ["track", "server"], {
          cwd: root,
        });
        assert.equal(run.code, 1);
        assert.match(
          run.stderr,
          /Cannot choose a destination: pass --destination \(one of actions-acme, actions-beta\)/,
        );
      },
    );

    await t.step("--help shows examples", async () => {
      const run = await runCli("action.ts", ["--help"], { cwd: root });
      assert.equal(run.code, 0);
      assert.match(
        run.stdout,
        /Usage: deno task action \[options\] <name> <type>/,
      );
      assert.match(
        run.stdout,
        /\$ deno task action trackEvent server --destination actions-acme/,
      );
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
