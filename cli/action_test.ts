import assert from "node:assert/strict";
import { join } from "node:path";
import { exists } from "./_fs.ts";
import { RESERVED_WORDS } from "./_names.ts";
import { registerAction } from "./_register_action.ts";
import {
  type CliRun,
  createWorkspace,
  initMinimal,
  REPO_ROOT,
  runCliFailing,
  runCliOk,
  runDeno,
} from "./_testing.ts";

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
    await runCliOk(
      "init.ts",
      ["--name", "Acme", "--template", "custom", "--yes"],
      root,
    );

    await t.step(
      "adds the action, its test, and registers it; the only destination is the default",
      async () => {
        const run = await runCliOk("action.ts", ["trackEvent", "server"], root);
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
      const title = ["--title", "Identify a user"];
      await runCliOk("action.ts", ["identifyUser", "server", ...title], root);
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
        await assertRefused(root, failure.args, failure.message, index);
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
        const force = ["trackEvent", "server", "--force"];
        const run = await runCliOk("action.ts", force, root);
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
        await runCliOk(
          "init.ts",
          ["--name", "Beta", "--template", "minimal", "--yes"],
          root,
        );
        await runCliFailing(
          "action.ts",
          ["track", "server"],
          root,
          /Cannot choose a destination: pass --destination \(one of actions-acme, actions-beta\)/,
        );
      },
    );

    await t.step("--help shows examples", async () => {
      const run = await runCliOk("action.ts", ["--help"], root);
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

/** Reserved words of every kind (keywords, strict-mode and future reserved, `arguments` and `eval`), run through the CLI. */
const RESERVED_NAMES = ["delete", "default", "enum", "let", "await", "eval"];

Deno.test("registerAction() imports every reserved word under another name, and the module type-checks", async () => {
  const root = await createWorkspace();
  try {
    let text = `import { defineDestination } from "@destkit/core";

export default defineDestination({
  name: "Acme",
  slug: "actions-acme",
  mode: "cloud",
  actions: {},
});
`;
    for (const word of RESERVED_WORDS) {
      const result = registerAction(text, word);
      assert.equal(result.importName, `${word}Action`);
      text = result.text;
      await Deno.mkdir(join(root, word));
      await Deno.writeTextFile(
        join(root, word, "index.ts"),
        `import { defineAction } from "@destkit/core";

export default defineAction({
  title: "T",
  description: "D",
  fields: {},
  perform: () => undefined,
});
`,
      );
    }
    await Deno.writeTextFile(join(root, "index.ts"), text);
    const checked = await runDeno(["check", "index.ts"], root);
    assert.equal(checked.code, 0, checked.stderr);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("deno task action never writes code that fails deno check", async (t) => {
  const root = await createWorkspace();
  const destinations = join(root, "destinations");
  const index = join(destinations, "actions-acme/index.ts");
  try {
    await initMinimal(root);

    await t.step(
      "a reserved word is imported under another name, and the destination still type-checks",
      async () => {
        for (const name of RESERVED_NAMES) {
          const run = await runCliOk("action.ts", [name, "server"], root);
          assert.match(
            run.stdout,
            new RegExp(
              `Imported as ${name}Action: "${name}" is a reserved word`,
            ),
          );
        }
        const text = await Deno.readTextFile(index);
        for (const name of RESERVED_NAMES) {
          assert.match(
            text,
            new RegExp(`import ${name}Action from "\\./${name}/index\\.ts";`),
          );
          assert.match(text, new RegExp(`\\n {4}${name}: ${name}Action,\\n`));
        }
        const checked = await runDeno(["check", index], root);
        assert.equal(checked.code, 0, checked.stderr);
        await runCliOk("validate.ts", ["--skip-git"], root);
        const manifest = await runCliOk("manifest.ts", [], root);
        const actions = Object.keys(
          JSON.parse(manifest.stdout).destinations[0].actions,
        );
        assert.deepEqual(actions, RESERVED_NAMES);
      },
    );

    const refused = [
      { name: "../x", suggestion: "x" },
      { name: "my-action", suggestion: "myAction" },
      { name: "trackÉvent", suggestion: "trackevent" },
      { name: "2fast", suggestion: "trackEvent" },
      { name: "", suggestion: undefined },
    ];
    for (const { name, suggestion } of refused) {
      await t.step(
        `"${name}" is refused, not rewritten, and nothing is written`,
        async () => {
          const folders = await Array.fromAsync(
            Deno.readDir(join(destinations, "actions-acme")),
          );
          const run = await assertRefused(
            root,
            [name, "server"],
            /^error: Cannot add action "/,
            index,
          );
          if (suggestion === undefined) {
            assert.match(run.stderr, /an action name cannot be empty/);
          } else {
            assert.match(
              run.stderr,
              new RegExp(`is not an identifier: .*such as "${suggestion}"`),
            );
          }
          assert.equal(
            (await Array.fromAsync(
              Deno.readDir(join(destinations, "actions-acme")),
            )).length,
            folders.length,
          );
        },
      );
    }

    await t.step("a property of every object is refused", async () => {
      await runCliFailing(
        "action.ts",
        ["constructor", "server"],
        root,
        /Cannot add action "constructor": "constructor" is a property of every object/,
      );
    });

    await t.step(
      "a name the module already uses is imported under another name",
      async () => {
        const args = ["defineDestination", "server"];
        const run = await runCliOk("action.ts", args, root);
        assert.match(
          run.stdout,
          /Imported as defineDestinationAction: "defineDestination" is already used in destinations\/actions-acme\/index.ts/,
        );
      },
    );

    await t.step(
      "a destination that does not type-check is restored, with the diagnostics",
      async () => {
        const broken = `${await Deno.readTextFile(
          index,
        )}\nexport const broken: number = "not a number";\n`;
        await Deno.writeTextFile(index, broken);
        const run = await assertRefused(
          root,
          ["track", "server"],
          /Cannot add action "track" to "actions-acme": destinations\/actions-acme\/index.ts did not pass deno check and deno lint before either; fix it first; nothing was changed/,
          index,
          join(destinations, "actions-acme/track"),
        );
        assert.match(run.stderr, /TS2322/);
        assert.equal(await Deno.readTextFile(index), broken);
      },
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("deno task action on the repository's destinations", async (t) => {
  const root = await createWorkspace();
  const destinations = join(root, "destinations");
  try {
    for (const slug of ["slack", "hubble-web"]) {
      await copyFolder(
        join(REPO_ROOT, "destinations", slug),
        join(destinations, slug),
      );
    }

    await t.step(
      "a server action in a destination without a Settings export compiles, and says its settings are untyped",
      async () => {
        const run = await runCliOk(
          "action.ts",
          ["newThing", "server", "--destination", "slack"],
          root,
        );
        assert.match(
          run.stdout,
          /Settings are untyped in the action: destinations\/slack\/index.ts exports no type Settings/,
        );
        const action = await Deno.readTextFile(
          join(destinations, "slack/newThing/index.ts"),
        );
        assert.doesNotMatch(action, /import type \{ Settings \}/);
        const tested = await runDeno(
          ["test", "--allow-all", "destinations/slack"],
          root,
        );
        assert.equal(tested.code, 0, `${tested.stdout}\n${tested.stderr}`);
      },
    );

    await t.step(
      "a browser action in a destination without the types it needs is refused before writing",
      async () => {
        await assertRefused(
          root,
          ["newThing", "browser", "--destination", "hubble-web"],
          /Cannot add a browser action to "hubble-web": destinations\/hubble-web\/index.ts does not export Settings, Client, which the browser action imports/,
          join(destinations, "hubble-web/index.ts"),
          join(destinations, "hubble-web/newThing"),
        );
      },
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

/**
 * Runs `deno task action` with `args` in `root`, which must fail with `message`, leave the
 * definition `index` as it was and, when named, write no `folder`.
 */
async function assertRefused(
  root: string,
  args: string[],
  message: RegExp,
  index: string,
  folder?: string,
): Promise<CliRun> {
  const before = await Deno.readTextFile(index);
  const run = await runCliFailing("action.ts", args, root, message);
  assert.equal(await Deno.readTextFile(index), before);
  if (folder !== undefined) assert.equal(await exists(folder), false);
  return run;
}

async function copyFolder(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) {
      await copyFolder(join(from, entry.name), join(to, entry.name));
    } else if (entry.isFile) {
      await Deno.copyFile(join(from, entry.name), join(to, entry.name));
    }
  }
}
