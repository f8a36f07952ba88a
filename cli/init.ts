// deno-lint-ignore-file no-console
/**
 * `deno task init`: scaffolds a destination in `destinations/<slug>/` from a
 * template, asking for what the flags do not say.
 *
 * @module
 */
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { Option } from "@commander-js/extra-typings";
import { createCommand } from "./_command.ts";
import { input, select } from "@inquirer/prompts";
import { checkCode } from "./_check_code.ts";
import { writeDirectory } from "./_fs.ts";
import { displayPath, resolveDirectory } from "./_destinations_dir.ts";
import { listDestinationFolders } from "./_load.ts";
import { checkSlug, suggestSlug } from "./_names.ts";
import { runMain, style } from "./_output.ts";
import {
  type DestinationTemplate,
  destinationTemplates,
} from "./templates/mod.ts";

/** Options of {@linkcode runInit}: the flags of `deno task init`. */
export interface InitOptions {
  /** The destination's name. */
  name?: string;
  /** The destination's slug. @default {`actions-<kebab-name>`} */
  slug?: string;
  /** The template id. @default {"custom"} with `yes` */
  template?: string;
  /** The destinations folder. @default {"destinations"} */
  directory?: string;
  /** Takes the defaults instead of asking. @default {false} */
  yes?: boolean;
}

/** Streams the prompts read and write; tests pass their own. */
export interface PromptStreams {
  input?: Readable;
  output?: Writable;
}

/** What {@linkcode runInit} created. */
export interface InitResult {
  /** The new destination's folder. */
  path: string;
  name: string;
  slug: string;
  template: DestinationTemplate;
  /** The files written, relative to `path`. */
  files: string[];
}

/** Returns the template with id `id`. @throws {Error} When there is none. */
export function findTemplate(id: string): DestinationTemplate {
  const template = destinationTemplates.find((candidate) =>
    candidate.id === id
  );
  if (template === undefined) {
    const ids = destinationTemplates.map((candidate) => candidate.id).join(
      ", ",
    );
    throw new Error(`Cannot use template "${id}": choose one of ${ids}`);
  }
  return template;
}

/** Returns why `slug` cannot be used in `directory` (bad or taken), or `undefined`. */
export async function checkNewSlug(
  directory: string,
  slug: string,
): Promise<string | undefined> {
  const problem = checkSlug(slug);
  if (problem !== undefined) return problem;
  const pattern = new RegExp(`slug:\\s*(["'\`])${slug}\\1`);
  for (const folder of await listDestinationFolders(directory)) {
    if (folder === slug) {
      return `"${slug}" is taken: ${
        displayPath(join(directory, folder))
      } exists`;
    }
    const text = await Deno.readTextFile(join(directory, folder, "index.ts"));
    if (pattern.test(text)) {
      return `"${slug}" is taken by ${
        displayPath(join(directory, folder, "index.ts"))
      }`;
    }
  }
  return undefined;
}

function cannotAsk(what: string, flag: string): Error {
  return new Error(
    `Cannot ask for the ${what}: standard input is not a terminal; pass ${flag}, or --name with --yes to take the defaults`,
  );
}

/**
 * Creates a destination from a template: asks for the name, slug and template
 * that `options` lack (unless `yes`), checks them, then writes the folder all
 * at once.
 *
 * @throws {Error} On a bad or taken slug, an unknown template, an existing
 * folder, missing values that cannot be asked for, or generated code that
 * fails `deno check` or `deno lint` (the folder is then removed).
 */
export async function runInit(
  options: InitOptions,
  streams: PromptStreams = {},
): Promise<InitResult> {
  const directory = resolveDirectory(options.directory);
  const yes = options.yes ?? false;
  const interactive = streams.input !== undefined || Deno.stdin.isTerminal();
  const context = { input: streams.input, output: streams.output };

  let name = options.name?.trim();
  if (name === undefined || name === "") {
    if (yes) throw new Error("Cannot create a destination: --yes needs --name");
    if (!interactive) throw cannotAsk("destination name", "--name");
    name = (await input({
      message: "Destination name",
      validate: (value) =>
        value.trim() === "" ? "Enter a name, such as Acme CRM" : true,
    }, context)).trim();
  }

  let slug = options.slug;
  if (slug === undefined && !yes) {
    if (!interactive) throw cannotAsk("slug", "--slug");
    slug = await input({
      message: "Slug",
      default: suggestSlug(name),
      validate: async (value) => (await checkNewSlug(directory, value)) ?? true,
    }, context);
  }
  slug ??= suggestSlug(name);
  const problem = await checkNewSlug(directory, slug);
  if (problem !== undefined) {
    throw new Error(`Cannot create destination "${name}": ${problem}`);
  }

  let templateId = options.template;
  if (templateId === undefined && !yes) {
    if (!interactive) throw cannotAsk("template", "--template");
    templateId = await select({
      message: "Template",
      choices: destinationTemplates.map((template) => ({
        name: template.id,
        value: template.id,
        description: template.title,
      })),
    }, context);
  }
  const template = findTemplate(templateId ?? "custom");

  const path = join(directory, slug);
  const files = template.files({ name, slug });
  await writeDirectory(path, files);
  const diagnostics = await checkCode(
    Object.keys(files).filter((file) => file.endsWith(".ts")).map((file) =>
      join(path, file)
    ),
  );
  if (diagnostics !== undefined) {
    await Deno.remove(path, { recursive: true });
    throw new Error(
      `Cannot create destination "${name}": the generated code does not pass deno check and deno lint; nothing was written\n${diagnostics}`,
    );
  }
  return { path, name, slug, template, files: Object.keys(files) };
}

/** Prints what {@linkcode runInit} created and what to run next. */
export function printInitResult(result: InitResult): void {
  const where = displayPath(result.path);
  console.log(
    `${style.green("Created")} ${
      style.bold(where)
    } from the ${result.template.id} template:`,
  );
  for (const file of result.files) console.log(`  ${file}`);
  const kind = result.template.mode === "device" ? "browser" : "server";
  const directoryFlag = displayPath(join(result.path, "..")) === "destinations"
    ? ""
    : ` --directory ${displayPath(join(result.path, ".."))}`;
  console.log(`\n${style.bold("Next:")}`);
  console.log(
    `  ${
      style.cyan(
        `deno task action track ${kind} --destination ${result.slug}${directoryFlag}`,
      )
    }`,
  );
  console.log(`  ${style.cyan(`deno test --allow-all ${where}`)}`);
  console.log(
    `  ${style.cyan(`deno task validate ${result.slug}${directoryFlag}`)}`,
  );
}

/** The `deno task init` command. */
export function initCommand() {
  const ids = destinationTemplates.map((template) => template.id);
  const program = createCommand(
    "init",
    "Create a destination in destinations/<slug>/ from a template; the result must pass deno check and deno lint, or nothing is written",
    [
      "deno task init",
      'deno task init --name "Acme CRM" --template basic --yes',
      "deno task init --name Acme --slug actions-acme --template browser --directory destinations",
    ],
  )
    .option("--name <name>", 'the destination\'s name, such as "Acme CRM"')
    .option(
      "--slug <slug>",
      "a unique, URL-safe slug (default: actions-<kebab-name>)",
    )
    .addOption(new Option("--template <template>", "the scaffold").choices(ids))
    .option("--directory <path>", "the destinations folder", "destinations")
    .option(
      "-y, --yes",
      "take the defaults (slug from the name, template custom) instead of asking",
    )
    .addHelpText(
      "after",
      `
Templates:
${
        destinationTemplates.map((template) =>
          `  ${template.id.padEnd(16)}${template.title}`
        ).join("\n")
      }`,
    )
    .action(async (options) => {
      printInitResult(await runInit(options));
    });
  return program;
}

if (import.meta.main) {
  await runMain(() =>
    initCommand().parseAsync(Deno.args, { from: "user" }).then(() => {})
  );
}
