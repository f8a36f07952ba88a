// deno-lint-ignore-file no-console
/**
 * `deno task validate`: checks every destination definition, and the
 * breaking changes since the last release.
 *
 * @module
 */
import { join } from "node:path";
import { createCommand } from "./_command.ts";
import {
  findBreakingChanges,
  latestTag,
  loadDefinitionsAt,
} from "./_breaking.ts";
import { checkDefinition } from "./_checks.ts";
import { displayPath, resolveDirectory } from "./_destinations_dir.ts";
import type { Finding } from "./_finding.ts";
import { exists } from "./_fs.ts";
import { loadDestinations, type LoadedDestination } from "./_load.ts";
import { runMain, style } from "./_output.ts";

export type { Finding } from "./_finding.ts";

/** Options of {@linkcode validateDestinations}. */
export interface ValidateOptions {
  /** Checks only this destination (its folder name). */
  slug?: string;
  /** The destinations folder. @default {"destinations"} */
  directory?: string;
  /** The git ref to compare with for breaking changes. @default {the latest tag} */
  since?: string;
  /** Skips the comparison with git. @default {false} */
  skipGit?: boolean;
}

/** What {@linkcode validateDestinations} found. */
export interface ValidateResult {
  findings: Finding[];
  /** How many definitions were checked. */
  checked: number;
  /** What the breaking-change check compared with, or why it was skipped. */
  comparedWith: string;
}

async function actionFiles(
  destination: LoadedDestination,
): Promise<(action: string) => string> {
  const files = new Map<string, string>();
  for (const key of Object.keys(destination.definition?.actions ?? {})) {
    const file = join(destination.file, "..", key, "index.ts");
    files.set(key, displayPath(await exists(file) ? file : destination.file));
  }
  return (action) => files.get(action) ?? displayPath(destination.file);
}

/**
 * Checks the destinations of a folder: slugs unique and URL-safe, actions with
 * descriptions, fields with descriptions and fitting choices and defaults,
 * secrets of type `password`, subscriptions and presets that parse and name
 * existing actions and fields (every issue core's `findDefinitionIssues`
 * finds, where `createDestination` would throw only the first), the
 * subscription differences from Segment, and required fields added since a git
 * ref.
 *
 * @throws {Error} When `slug` names no destination, or `since` is not a git ref.
 */
export async function validateDestinations(
  options: ValidateOptions = {},
): Promise<ValidateResult> {
  const directory = resolveDirectory(options.directory);
  const destinations = await loadDestinations(directory, options.slug);
  const findings: Finding[] = [];
  const owners = new Map<string, string>();
  const filesOf = new Map<string, (action: string) => string>();

  for (const destination of destinations) {
    const file = displayPath(destination.file);
    if (destination.definition === undefined) {
      findings.push({
        level: "error",
        file,
        path: "",
        message: `Cannot load the definition: ${destination.error}`,
      });
      continue;
    }
    const actionFile = await actionFiles(destination);
    filesOf.set(destination.folder, actionFile);
    findings.push(
      ...checkDefinition(destination.definition, {
        folder: destination.folder,
        file,
        actionFile,
      }),
    );
  }
  const all = options.slug === undefined
    ? destinations
    : await loadDestinations(directory);
  for (const destination of all) {
    const slug = destination.definition?.slug;
    if (slug === undefined) continue;
    const owner = owners.get(slug);
    const file = displayPath(destination.file);
    if (owner === undefined) owners.set(slug, file);
    else if (
      destinations.some((chosen) => chosen.folder === destination.folder)
    ) {
      findings.push({
        level: "error",
        file,
        path: "slug",
        message: `the slug "${slug}" is also used by ${owner}`,
      });
    }
  }

  let comparedWith = "skipped (--skip-git)";
  if (!options.skipGit) {
    const ref = options.since ?? await latestTag(directory);
    if (ref === undefined) {
      comparedWith = "skipped: no release tag (pass --since <ref>)";
    } else {
      comparedWith = ref;
      const before = await loadDefinitionsAt(directory, ref);
      for (const destination of destinations) {
        const old = before.get(destination.folder);
        const actionFile = filesOf.get(destination.folder);
        if (
          destination.definition === undefined || actionFile === undefined ||
          old === undefined
        ) continue;
        const file = displayPath(destination.file);
        if (typeof old === "string") {
          findings.push({
            level: "warning",
            file,
            path: "",
            message: `Cannot load the definition at ${ref}: ${old}`,
          });
          continue;
        }
        findings.push(
          ...findBreakingChanges(old, destination.definition, ref, {
            file,
            actionFile,
          }),
        );
      }
    }
  }
  return { findings, checked: destinations.length, comparedWith };
}

/** Formats one finding as the line `validate` prints. */
export function formatFinding(finding: Finding): string {
  const level = finding.level === "error"
    ? style.red("error")
    : style.yellow("warning");
  const path = finding.path === "" ? "" : `${style.bold(finding.path)}: `;
  return `${finding.file}: ${level}: ${path}${finding.message}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The `deno task validate` command. */
export function validateCommand() {
  return createCommand(
    "validate",
    "Check destination definitions, and the breaking changes since the last release",
    [
      "deno task validate",
      "deno task validate actions-acme",
      "deno task validate --since v1.2.0",
      "deno task validate --since main --directory destinations",
    ],
  )
    .argument("[slug]", "check only this destination")
    .option("--directory <path>", "the destinations folder", "destinations")
    .option(
      "--since <ref>",
      "the git ref to compare with for breaking changes (default: the latest tag)",
    )
    .option("--skip-git", "do not compare with git")
    .action(async (slug, options) => {
      const result = await validateDestinations({ ...options, slug });
      for (const finding of result.findings) {
        console.log(formatFinding(finding));
      }
      const errors = result.findings.filter((finding) =>
        finding.level === "error"
      ).length;
      const warnings = result.findings.length - errors;
      const summary = `${plural(errors, "error")}, ${
        plural(warnings, "warning")
      } in ${
        plural(result.checked, "destination")
      } (breaking changes: ${result.comparedWith})`;
      console.log(errors > 0 ? style.red(summary) : style.green(summary));
      if (errors > 0) Deno.exitCode = 1;
    });
}

if (import.meta.main) {
  await runMain(async () => {
    await validateCommand().parseAsync(Deno.args, { from: "user" });
    return Deno.exitCode;
  });
}
