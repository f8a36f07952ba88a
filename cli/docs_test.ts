// Every code block of the repository's Markdown is checked: TypeScript blocks run by `deno test --doc`,
// `ts ignore` blocks pasted into a scaffold and validated, command lines parsed by the real commands,
// and the init and action transcripts of cli/README.md replayed.
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { CommanderError } from "@commander-js/extra-typings";
import { benchCommand } from "../bench/main.ts";
import { bundleCommand } from "../browser/bundle/main.ts";
import { fuzzCommand } from "../fuzz/main.ts";
import { actionCommand } from "./action.ts";
import { initCommand } from "./init.ts";
import { manifestCommand } from "./manifest.ts";
import { serveCommand } from "./serve.ts";
import { replayCommand } from "../replay/main.ts";
import { createWorkspace, REPO_ROOT, runCli, runDeno } from "./_testing.ts";
import { validateCommand } from "./validate.ts";

/** A fenced code block of a Markdown file. */
interface CodeBlock {
  file: string;
  /** The line of the opening fence, from 1. */
  line: number;
  lang: string;
  attributes: string[];
  body: string;
}

const SKIPPED_FOLDERS = new Set([".git", "node_modules", "dist", "results"]);
const SCRIPT_LANGS = new Set(["ts", "js", "tsx", "jsx", "typescript"]);
const SHELL_LANGS = new Set(["sh", "bash", "shell"]);
/** Configuration blocks: each must parse as JSON (comments allowed in `jsonc`). */
const JSON_LANGS = new Set(["json", "jsonc"]);
/** Blocks that are not code: grammars and output. */
const TEXT_LANGS = new Set(["", "text", "ebnf"]);
const SCAFFOLD_PATH =
  /^\/\/ destinations\/([a-z0-9-]+)\/([A-Za-z_][A-Za-z0-9_]*)\/(index(?:_test)?\.ts)\b(.*)$/;

async function markdownFiles(folder = REPO_ROOT): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of Deno.readDir(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory && !SKIPPED_FOLDERS.has(entry.name)) {
      files.push(...await markdownFiles(path));
    } else if (entry.isFile && entry.name.endsWith(".md")) {
      files.push(path);
    }
  }
  return files.sort();
}

function codeBlocks(file: string, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const open = /^(```+|~~~+)\s*(.*)$/.exec(lines[index]);
    if (open === null) continue;
    const [lang = "", ...attributes] = open[2].trim().split(/\s+/).filter(
      (word) => word !== "",
    );
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !lines[end].startsWith(open[1])) {
      body.push(lines[end]);
      end++;
    }
    blocks.push({
      file: relative(REPO_ROOT, file),
      line: index + 1,
      lang: lang.toLowerCase(),
      attributes,
      body: `${body.join("\n")}\n`,
    });
    index = end;
  }
  return blocks;
}

/** Splits a shell command line into words: quotes kept together, a comment or redirection ends it. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '"' || char === "'") {
      const close = line.indexOf(char, index + 1);
      assert.notEqual(close, -1, `an unclosed quote in: ${line}`);
      word = (word ?? "") + line.slice(index + 1, close);
      index = close;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (
      word === undefined && (char === "#" || char === ">" || char === "|")
    ) {
      break;
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function noop(): Promise<never> {
  return Promise.reject(new Error("not run"));
}

const PARSERS: Record<string, () => { parseAsync: unknown }> = {
  init: initCommand,
  action: actionCommand,
  validate: validateCommand,
  manifest: manifestCommand,
  serve: serveCommand,
  bundle: () => bundleCommand(noop),
  bench: () => benchCommand(noop),
  fuzz: () => fuzzCommand(),
  replay: replayCommand,
};

/**
 * Parses `deno task <task> <args>` with the task's real command (its action
 * replaced): returns the usage error, or `undefined` when the line parses.
 */
async function parseTaskLine(words: string[]): Promise<string | undefined> {
  const [task, ...args] = words;
  const tasks = JSON.parse(
    await Deno.readTextFile(join(REPO_ROOT, "deno.json")),
  ).tasks as Record<string, unknown>;
  if (!(task in tasks)) return `deno task ${task}: no such task`;
  const create = PARSERS[task];
  if (create === undefined) {
    return args.length === 0 || args[0] === "--"
      ? undefined
      : `deno task ${task} takes no arguments`;
  }
  const command = create() as unknown as {
    exitOverride(): unknown;
    configureOutput(output: Record<string, (text: string) => void>): unknown;
    action(fn: () => void): unknown;
    parseAsync(args: string[], options: { from: "user" }): Promise<unknown>;
  };
  command.exitOverride();
  command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
  command.action(() => {});
  try {
    await command.parseAsync(args, { from: "user" });
    return undefined;
  } catch (error) {
    if (
      error instanceof CommanderError &&
      (error.code === "commander.helpDisplayed" ||
        error.code === "commander.version")
    ) return undefined;
    return `deno task ${words.join(" ")}: ${
      error instanceof Error ? error.message : error
    }`;
  }
}

/** The words after `deno task` (or `npx -y deno@<v> task`) in a command line, or `undefined`. */
function taskWords(line: string): string[] | undefined {
  const words = shellWords(line);
  const start = words[0] === "npx" && words[1] === "-y" &&
      words[2]?.startsWith("deno@")
    ? 3
    : words[0] === "deno"
    ? 1
    : -1;
  if (start === -1 || words[start] !== "task") return undefined;
  return words.slice(start + 1);
}

/** The command lines of a block: every line of a shell block, the `$ ` lines of a transcript. */
function commandLines(block: CodeBlock): string[] {
  const lines = block.body.split("\n");
  if (SHELL_LANGS.has(block.lang)) {
    return lines.filter((line) => line.trim() !== "" && !line.startsWith("#"));
  }
  return lines.filter((line) => line.startsWith("$ ")).map((line) =>
    line.slice(2)
  );
}

const blocks: CodeBlock[] = [];
for (const file of await markdownFiles()) {
  blocks.push(...codeBlocks(file, await Deno.readTextFile(file)));
}

Deno.test("every code block of the docs is checked by a test", async (t) => {
  await t.step("the docs have code blocks of every kind", () => {
    assert.ok(blocks.some((block) => SCRIPT_LANGS.has(block.lang)));
    assert.ok(blocks.some((block) => SHELL_LANGS.has(block.lang)));
    assert.ok(
      blocks.some((block) => SCAFFOLD_PATH.test(block.body.split("\n")[0])),
    );
  });

  await t.step(
    "deno task test runs the TypeScript blocks of every Markdown file (deno test --doc, no paths)",
    async () => {
      const tasks = JSON.parse(
        await Deno.readTextFile(join(REPO_ROOT, "deno.json")),
      ).tasks;
      const words = shellWords(tasks.test.command);
      assert.deepEqual(words.slice(0, 2), ["deno", "test"]);
      assert.ok(words.includes("--doc"));
      assert.ok(
        words.slice(2).every((word) => word.startsWith("-")),
        "a path argument would leave Markdown files out",
      );
    },
  );

  await t.step(
    "every block is a TypeScript block deno test --doc runs, a scaffold file, commands or text",
    () => {
      const unchecked = blocks.filter((block) => {
        if (SCRIPT_LANGS.has(block.lang)) {
          return block.attributes.includes("ignore") &&
            !SCAFFOLD_PATH.test(block.body.split("\n")[0]);
        }
        return !SHELL_LANGS.has(block.lang) && !TEXT_LANGS.has(block.lang) &&
          !JSON_LANGS.has(block.lang);
      }).map((block) => `${block.file}:${block.line} (${block.lang})`);
      assert.deepEqual(unchecked, []);
    },
  );

  await t.step(
    "every JSON block parses (jsonc: after its line comments)",
    () => {
      const broken: string[] = [];
      for (const block of blocks) {
        if (!JSON_LANGS.has(block.lang)) continue;
        const text = block.lang === "jsonc"
          ? block.body.replace(/^\s*\/\/.*$/gm, "")
          : block.body;
        try {
          JSON.parse(text);
        } catch (error) {
          broken.push(
            `${block.file}:${block.line}: ${(error as Error).message}`,
          );
        }
      }
      assert.deepEqual(broken, []);
    },
  );

  await t.step(
    "every command line is a task whose arguments the task's own parser accepts",
    async () => {
      const problems: string[] = [];
      let parsed = 0;
      for (const block of blocks) {
        if (!SHELL_LANGS.has(block.lang) && !TEXT_LANGS.has(block.lang)) {
          continue;
        }
        for (const line of commandLines(block)) {
          const words = taskWords(line);
          if (words === undefined) {
            if (SHELL_LANGS.has(block.lang) && !/^deno \w/.test(line)) {
              problems.push(`${block.file}:${block.line}: ${line}`);
            }
            continue;
          }
          parsed++;
          const problem = await parseTaskLine(words);
          if (problem !== undefined) {
            problems.push(`${block.file}:${block.line}: ${problem}`);
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(parsed > 20, `only ${parsed} command lines found`);
    },
  );

  await t.step("a wrong command line is caught", async () => {
    assert.match(
      await parseTaskLine(["bundle", "--bogus"]) ?? "",
      /unknown option '--bogus'/,
    );
    assert.match(await parseTaskLine(["nope"]) ?? "", /no such task/);
    assert.equal(await parseTaskLine(["bench", "--help"]), undefined);
  });
});

Deno.test("every ts ignore block of the docs passes when pasted into a scaffold", async (t) => {
  const scaffoldBlocks = blocks.filter((block) =>
    SCRIPT_LANGS.has(block.lang) &&
    SCAFFOLD_PATH.test(block.body.split("\n")[0])
  );
  for (const block of scaffoldBlocks) {
    const [, folder, action, file, rest] = SCAFFOLD_PATH.exec(
      block.body.split("\n")[0],
    )!;
    await t.step(
      `${block.file}:${block.line} as ${file} of ${folder}/${action}`,
      async () => {
        const root = await createWorkspace();
        try {
          const init = await runCli("init.ts", [
            "--name",
            "Acme",
            "--slug",
            folder,
            "--template",
            "custom",
            "--yes",
          ], { cwd: root });
          assert.equal(init.code, 0, init.stderr);
          const added = await runCli("action.ts", [action, "server"], {
            cwd: root,
          });
          assert.equal(added.code, 0, added.stderr);
          const actionFolder = join(root, "destinations", folder, action);
          const target = join(actionFolder, file);
          if (rest.includes("as deno task action")) {
            const written = await Deno.readTextFile(target);
            assert.equal(
              block.body.split("\n").slice(1).join("\n"),
              written,
              `${block.file}:${block.line} is not what deno task action writes`,
            );
          }
          if (file === "index.ts") {
            // The scaffold's own test is written for the template's fields.
            await Deno.remove(join(actionFolder, "index_test.ts"));
          }
          await Deno.writeTextFile(target, block.body);
          const destination = join("destinations", folder);
          const checked = await runDeno(["check", destination], root);
          assert.equal(checked.code, 0, checked.stderr);
          const linted = await runDeno(["lint", destination], root);
          assert.equal(linted.code, 0, linted.stdout);
          const tested = await runDeno(
            ["test", "--allow-all", destination],
            root,
          );
          assert.equal(tested.code, 0, `${tested.stdout}\n${tested.stderr}`);
          const validated = await runCli(
            "validate.ts",
            [folder, "--skip-git"],
            {
              cwd: root,
            },
          );
          assert.equal(validated.code, 0, validated.stdout);
          assert.match(
            validated.stdout,
            /0 errors, 0 warnings in 1 destination/,
          );
        } finally {
          await Deno.remove(root, { recursive: true });
        }
      },
    );
  }
});

Deno.test("cli/README.md's init and action transcripts are what the commands print", async () => {
  const transcripts = blocks.filter((block) =>
    block.file === join("cli", "README.md") && TEXT_LANGS.has(block.lang) &&
    commandLines(block).length > 0 &&
    commandLines(block).every((line) => {
      const words = taskWords(line);
      return words?.[0] === "init" || words?.[0] === "action";
    })
  );
  assert.ok(transcripts.length >= 3, "the init and action transcripts");
  const root = await createWorkspace();
  try {
    for (const block of transcripts) {
      const replayed: string[] = [];
      for (const line of commandLines(block)) {
        const [task, ...args] = taskWords(line)!;
        const run = await runCli(`${task}.ts`, args, { cwd: root });
        replayed.push(`$ ${line}\n${run.stdout}${run.stderr}`);
      }
      assert.equal(
        replayed.join("\n"),
        block.body,
        `${block.file}:${block.line} is not what the commands print`,
      );
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
