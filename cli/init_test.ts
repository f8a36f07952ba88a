import assert from "node:assert/strict";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { runInit } from "./init.ts";
import {
  createWorkspace,
  runCli,
  runCliFailing,
  runCliOk,
  workspaceConfig,
} from "./_testing.ts";

async function listTree(path: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(folder: string, prefix: string): Promise<void> {
    for await (const entry of Deno.readDir(folder)) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory) await walk(join(folder, entry.name), `${name}/`);
      else found.push(name);
    }
  }
  await walk(path, "");
  return found.sort();
}

Deno.test("deno task init with flags runs without a terminal", async (t) => {
  const root = await createWorkspace();
  try {
    await t.step(
      "--yes takes the suggested slug and the custom template",
      async () => {
        const run = await runCliOk(
          "init.ts",
          ["--name", "Acme CRM", "--yes"],
          root,
        );
        assert.match(
          run.stdout,
          /Created destinations\/actions-acme-crm from the custom template/,
        );
        assert.match(
          run.stdout,
          /deno task action track server --destination actions-acme-crm/,
        );
        assert.ok(
          !run.stdout.includes("\x1b["),
          "no colour without a terminal",
        );
        assert.deepEqual(await listTree(join(root, "destinations")), [
          "actions-acme-crm/README.md",
          "actions-acme-crm/index.ts",
          "actions-acme-crm/index_test.ts",
        ]);
      },
    );

    await t.step("every flag is honoured", async () => {
      const run = await runCliOk("init.ts", [
        "--name",
        "Hubble",
        "--slug",
        "hubble-web-2",
        "--template",
        "browser",
        "--directory",
        "elsewhere",
      ], root);
      const index = await Deno.readTextFile(
        join(root, "elsewhere/hubble-web-2/index.ts"),
      );
      assert.match(index, /slug: "hubble-web-2"/);
      assert.match(index, /mode: "device"/);
      assert.match(
        run.stdout,
        /deno task action track browser --destination hubble-web-2 --directory elsewhere/,
      );
    });

    const failures = [
      {
        name: "an existing folder",
        args: ["--name", "Acme CRM", "--yes"],
        message:
          /error: Cannot create destination "Acme CRM": "actions-acme-crm" is taken/,
      },
      {
        name: "a slug taken by another folder's definition",
        args: [
          "--name",
          "Other",
          "--slug",
          "hubble-web-2",
          "--template",
          "minimal",
          "--directory",
          "elsewhere",
        ],
        message: /"hubble-web-2" is taken/,
      },
      {
        name: "a bad slug",
        args: ["--name", "Bad", "--slug", "Not A Slug", "--yes"],
        message: /"Not A Slug" is not URL-safe/,
      },
      {
        name: "an unknown template",
        args: ["--name", "Bad", "--template", "soap", "--yes"],
        message:
          /Allowed choices are custom, basic, oauth2, oauth-managed, minimal, browser/,
      },
      {
        name: "--yes without a name",
        args: ["--yes"],
        message: /--yes needs --name/,
      },
      {
        name: "a missing value without a terminal",
        args: ["--name", "Asked"],
        message: /Cannot ask for the slug: standard input is not a terminal/,
      },
    ];
    for (const failure of failures) {
      await t.step(`fails on ${failure.name}, writing nothing`, async () => {
        const before = await listTree(root);
        await runCliFailing("init.ts", failure.args, root, failure.message);
        assert.deepEqual(await listTree(root), before);
      });
    }

    await t.step("--help shows the templates and examples", async () => {
      const run = await runCliOk("init.ts", ["--help"], root);
      assert.match(run.stdout, /Usage: deno task init \[options\]/);
      assert.match(run.stdout, /oauth-managed/);
      assert.match(run.stdout, /Examples:\n {2}\$ deno task init\n/);
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

/** A fake terminal for the prompts: answers each prompt once its text is on screen. */
function fakeTerminal() {
  const input = new PassThrough();
  let screen = "";
  let cursor = 0;
  const output = new Writable({
    write(chunk: Uint8Array, _encoding, callback) {
      screen += new TextDecoder().decode(chunk);
      callback();
    },
  });
  // Each prompt pipes into the output and ends its pipe; like process.stdout, a terminal stays open.
  output.end = () => output;
  async function answer(prompt: string, keys: string): Promise<void> {
    for (let waited = 0; !screen.includes(prompt, cursor); waited += 5) {
      if (waited > 5000) {
        throw new Error(
          `Cannot answer "${prompt}": the screen shows ${
            JSON.stringify(screen)
          }`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    cursor = screen.indexOf(prompt, cursor) + prompt.length;
    input.write(keys);
  }
  return { input, output, answer, screen: () => screen };
}

Deno.test("runInit() asks for what the flags do not say", async (t) => {
  const root = await createWorkspace();
  const directory = join(root, "destinations");
  try {
    const dialogues = [
      {
        name:
          "name, then the suggested slug, then a template picked with the arrow keys",
        template: undefined,
        answers: [
          ["Destination name", "Acme CRM\r"],
          ["actions-acme-crm", "\r"],
          ["Template", "\x1b[B\r"],
        ],
        expected: { slug: "actions-acme-crm", template: "basic" },
        index: [/name: "Acme CRM"/, /scheme: "basic"/],
      },
      {
        name: "a taken slug is refused until another is typed",
        template: "minimal",
        answers: [
          ["Destination name", "Acme CRM\r"],
          ["actions-acme-crm", "\r"],
          ["is taken", "actions-acme-crm-2\r"],
        ],
        expected: { slug: "actions-acme-crm-2", template: "minimal" },
        index: [/name: "Acme CRM"/],
      },
    ];
    for (const { name, template, answers, expected, index } of dialogues) {
      await t.step(name, async () => {
        const terminal = fakeTerminal();
        const done = runInit({ directory, template }, terminal);
        for (const [prompt, keys] of answers) {
          await terminal.answer(prompt, keys);
        }
        const result = await done;
        assert.equal(result.slug, expected.slug);
        assert.equal(result.template.id, expected.template);
        const text = await Deno.readTextFile(
          join(directory, expected.slug, "index.ts"),
        );
        for (const pattern of index) assert.match(text, pattern);
      });
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("deno task init removes a scaffold that fails deno check, printing the diagnostics", async () => {
  const root = await createWorkspace();
  try {
    // Without deno.ns, Deno.test in the scaffold's test does not type-check.
    const config = JSON.parse(workspaceConfig());
    config.compilerOptions.lib = ["esnext"];
    await Deno.writeTextFile(join(root, "deno.json"), JSON.stringify(config));
    const run = await runCli(
      "init.ts",
      ["--name", "Acme", "--template", "custom", "--yes"],
      { cwd: root },
    );
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^error: Cannot create destination "Acme": the generated code does not pass deno check and deno lint; nothing was written\ndeno check failed:\n/,
    );
    assert.match(run.stderr, /TS2304 \[ERROR\]: Cannot find name 'Deno'/);
    assert.deepEqual(
      await Array.fromAsync(Deno.readDir(join(root, "destinations"))),
      [],
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
