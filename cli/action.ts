// deno-lint-ignore-file no-console
/**
 * `deno task action`: adds an action to a destination and registers it in the
 * destination's `index.ts`.
 *
 * @module
 */
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { Argument } from "@commander-js/extra-typings";
import { createCommand } from "./_command.ts";
import { select } from "@inquirer/prompts";
import { exists, replaceFile, writeDirectory } from "./_fs.ts";
import { displayPath, resolveDirectory } from "./_destinations_dir.ts";
import { listDestinationFolders, unknownDestination } from "./_load.ts";
import { checkCode } from "./_check_code.ts";
import { checkActionName, isReservedWord, toTitle } from "./_names.ts";
import { runMain, style } from "./_output.ts";
import {
  destinationMode,
  exportedNames,
  registerAction,
} from "./_register_action.ts";
import { actionTemplates } from "./templates/mod.ts";

/** Options of {@linkcode runAction}: the arguments and flags of `deno task action`. */
export interface ActionOptions {
  /** The action's name: its key in `actions` and its folder. */
  name: string;
  /** The kind of action: `server` (cloud mode) or `browser` (device mode). */
  type: "server" | "browser";
  /** The destination's folder name; asked for, or the only one, when absent. */
  destination?: string;
  /** The title users see. @default {the name in title case} */
  title?: string;
  /** Overwrites an existing action folder. @default {false} */
  force?: boolean;
  /** The destinations folder. @default {"destinations"} */
  directory?: string;
}

/** What {@linkcode runAction} did. */
export interface ActionResult {
  /** The action's folder. */
  path: string;
  name: string;
  /** The destination's folder name. */
  destination: string;
  /** The files written, relative to `path`. */
  files: string[];
  /** Whether `index.ts` already registered the action. */
  alreadyRegistered: boolean;
  /** The name `index.ts` imports the action under, when it is not `name`. */
  importName?: string;
  /** Why the settings are not typed in the new action, when they are not. */
  untypedSettings?: string;
}

async function chooseDestination(
  directory: string,
  wanted: string | undefined,
  streams: { input?: Readable; output?: Writable },
): Promise<string> {
  const folders = await listDestinationFolders(directory);
  if (wanted !== undefined) {
    if (!folders.includes(wanted)) {
      throw new Error(
        unknownDestination(wanted, folders, displayPath(directory)),
      );
    }
    return wanted;
  }
  if (folders.length === 1) return folders[0];
  if (folders.length === 0) {
    throw new Error(
      `Cannot add an action: ${
        displayPath(directory)
      } has no destination; run deno task init first`,
    );
  }
  if (streams.input === undefined && !Deno.stdin.isTerminal()) {
    throw new Error(
      `Cannot choose a destination: pass --destination (one of ${
        folders.join(", ")
      })`,
    );
  }
  return await select({
    message: "Destination",
    choices: folders.map((folder) => ({ name: folder, value: folder })),
  }, streams);
}

/**
 * Writes `<destination>/<name>/index.ts` and its test from the `type`
 * template, then registers the action in the destination's `index.ts` (parsed
 * and edited at the `actions` object, the rest of the file kept as it was).
 *
 * The name is used as typed, never rewritten; a reserved word is imported
 * under another name. The result must pass `deno check` and `deno lint`, or
 * every file is restored.
 *
 * @throws {Error} On a bad name, an unknown destination, an action kind that
 * does not fit the destination's mode, an existing action folder without
 * `force`, or code that fails `deno check` or `deno lint`.
 */
export async function runAction(
  options: ActionOptions,
  streams: { input?: Readable; output?: Writable } = {},
): Promise<ActionResult> {
  const name = options.name;
  const problem = checkActionName(name);
  if (problem !== undefined) {
    throw new Error(`Cannot add action "${name}": ${problem}`);
  }
  const template = actionTemplates.find((candidate) =>
    candidate.id === options.type
  );
  if (template === undefined) {
    throw new Error(
      `Cannot add action "${name}": its type must be server or browser, not "${options.type}"`,
    );
  }
  const directory = resolveDirectory(options.directory);
  const slug = await chooseDestination(directory, options.destination, streams);
  const indexPath = join(directory, slug, "index.ts");
  const indexText = await Deno.readTextFile(indexPath);
  const mode = destinationMode(indexText);
  if (mode !== template.mode) {
    const fitting = mode === "device" ? "browser" : "server";
    throw new Error(
      `Cannot add a ${template.id} action to "${slug}": it is a ${mode}-mode destination; add a ${fitting} action`,
    );
  }
  const exported = exportedNames(indexText);
  if (template.id === "browser") {
    const missing = ["Settings", "Client", "destination"].filter((symbol) =>
      !exported.has(symbol)
    );
    if (missing.length > 0) {
      throw new Error(
        `Cannot add a browser action to "${slug}": ${
          displayPath(indexPath)
        } does not export ${
          missing.join(", ")
        }, which the browser action imports; export type Settings = InferFields<typeof settings>, the SDK's Client interface and the definition as destination (as deno task init --template browser writes them)`,
      );
    }
  }
  const settingsExported = exported.has("Settings");
  const nameMatch = /\bname:\s*("(?:[^"\\]|\\.)*")/.exec(indexText);
  const destinationName = nameMatch === null
    ? slug
    : JSON.parse(nameMatch[1]) as string;
  const registration = registerAction(indexText, name, displayPath(indexPath));

  const path = join(directory, slug, name);
  const files = template.files({
    name,
    title: options.title ?? toTitle(name),
    destination: { name: destinationName, slug },
    settingsExported,
    prefixUrl: /\bprefixUrl\b/.test(indexText),
  });
  const existed = await exists(path);
  if (existed && !options.force) {
    throw new Error(
      `Cannot add action "${name}" to "${slug}": ${
        displayPath(path)
      } exists; pass --force to replace it`,
    );
  }
  let backup: string | undefined;
  if (existed) {
    backup = `${path}.destkit-backup-${crypto.randomUUID()}`;
    await Deno.rename(path, backup);
  }
  async function restore(): Promise<void> {
    await Deno.remove(path, { recursive: true }).catch(() => {});
    if (backup !== undefined) await Deno.rename(backup, path);
    if (!registration.alreadyRegistered) {
      await replaceFile(indexPath, indexText);
    }
  }
  try {
    await writeDirectory(path, files);
    if (!registration.alreadyRegistered) {
      await replaceFile(indexPath, registration.text);
    }
  } catch (error) {
    await restore();
    throw error;
  }
  const diagnostics = await checkCode([
    indexPath,
    ...Object.keys(files).filter((file) => file.endsWith(".ts")).map((file) =>
      join(path, file)
    ),
  ]);
  if (diagnostics !== undefined) {
    await restore();
    const before = await checkCode([indexPath]);
    const cause = before === undefined
      ? "the generated code does not pass deno check and deno lint"
      : `${
        displayPath(indexPath)
      } did not pass deno check and deno lint before either; fix it first`;
    throw new Error(
      `Cannot add action "${name}" to "${slug}": ${cause}; nothing was changed\n${diagnostics}`,
    );
  }
  if (backup !== undefined) await Deno.remove(backup, { recursive: true });
  return {
    path,
    name,
    destination: slug,
    files: Object.keys(files),
    alreadyRegistered: registration.alreadyRegistered,
    importName: registration.importName === name
      ? undefined
      : registration.importName,
    untypedSettings: settingsExported || template.id !== "server"
      ? undefined
      : `${displayPath(indexPath)} exports no type Settings`,
  };
}

/** Prints what {@linkcode runAction} did. */
export function printActionResult(result: ActionResult): void {
  console.log(
    `${style.green("Created")} ${style.bold(displayPath(result.path))}:`,
  );
  for (const file of result.files) console.log(`  ${file}`);
  const index = displayPath(join(result.path, "..", "index.ts"));
  console.log(
    result.alreadyRegistered
      ? `${style.dim("Already registered in")} ${index}`
      : `${style.green("Registered")} ${result.name} in ${index}`,
  );
  if (result.importName !== undefined) {
    const why = isReservedWord(result.name)
      ? `"${result.name}" is a reserved word`
      : `"${result.name}" is already used in ${index}`;
    console.log(
      `${style.yellow("Imported as")} ${result.importName}: ${why}`,
    );
  }
  if (result.untypedSettings !== undefined) {
    console.log(
      `${
        style.yellow("Settings are untyped")
      } in the action: ${result.untypedSettings} (see the comment in its index.ts)`,
    );
  }
  console.log(`\n${style.bold("Next:")} fill in its fields and perform, then`);
  console.log(
    `  ${style.cyan(`deno test --allow-all ${displayPath(result.path)}`)}`,
  );
}

/** The `deno task action` command. */
export function actionCommand() {
  return createCommand(
    "action",
    "Add an action to a destination and register it in the destination's index.ts; the result must pass deno check and deno lint, or nothing changes",
    [
      "deno task action trackEvent server --destination actions-acme",
      'deno task action identifyUser server --destination actions-acme --title "Identify User"',
      "deno task action track browser --destination actions-acme-web --force",
    ],
  )
    .argument(
      "<name>",
      "the action's name, used as typed: an ASCII identifier such as trackEvent",
    )
    .addArgument(
      new Argument("<type>", "server (cloud mode) or browser (device mode)")
        .choices(["server", "browser"]),
    )
    .option(
      "--destination <slug>",
      "the destination's folder (asked for when there are several)",
    )
    .option(
      "--title <title>",
      "the title users see (default: the name in title case)",
    )
    .option("--force", "replace an existing action folder")
    .option("--directory <path>", "the destinations folder", "destinations")
    .action(async (name, type, options) => {
      printActionResult(await runAction({ ...options, name, type }));
    });
}

if (import.meta.main) {
  await runMain(() =>
    actionCommand().parseAsync(Deno.args, { from: "user" }).then(() => {})
  );
}
