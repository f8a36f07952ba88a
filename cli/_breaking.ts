import { dirname, join, relative } from "node:path";
import type { InputFields } from "@destkit/core";
import type { Finding } from "./_finding.ts";
import { loadDestinations, type LoadedDefinition } from "./_load.ts";

async function git(
  args: string[],
  cwd: string,
): Promise<{ ok: boolean; stdout: Uint8Array; stderr: string }> {
  const output = await new Deno.Command("git", {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    ok: output.success,
    stdout: output.stdout,
    stderr: new TextDecoder().decode(output.stderr).trim(),
  };
}

/** Returns the latest release tag reachable from HEAD in `cwd`'s repository, or `undefined`. */
export async function latestTag(cwd: string): Promise<string | undefined> {
  const result = await git(["describe", "--tags", "--abbrev=0"], cwd);
  return result.ok ? new TextDecoder().decode(result.stdout).trim() : undefined;
}

/**
 * Loads the definitions of `directory` as they were at git `ref`: each file
 * under it is read with `git show` into a temporary folder and imported from
 * there (with the current import map), and the folder is removed.
 *
 * @throws {Error} When `directory` is not in a git repository or `ref` is unknown.
 */
export async function loadDefinitionsAt(
  directory: string,
  ref: string,
): Promise<Map<string, LoadedDefinition | string>> {
  const top = await git(["rev-parse", "--show-toplevel"], directory);
  if (!top.ok) {
    throw new Error(
      `Cannot compare with ${ref}: ${directory} is not in a git repository`,
    );
  }
  const root = new TextDecoder().decode(top.stdout).trim();
  const verified = await git([
    "rev-parse",
    "--verify",
    "--quiet",
    `${ref}^{commit}`,
  ], root);
  if (!verified.ok) {
    throw new Error(
      `Cannot compare with ${ref}: git knows no such commit, tag or branch`,
    );
  }
  const base = relative(root, await Deno.realPath(directory));
  const listed = await git([
    "ls-tree",
    "-r",
    "--name-only",
    ref,
    "--",
    base === "" ? "." : base,
  ], root);
  if (!listed.ok) {
    throw new Error(`Cannot list ${base} at ${ref}: ${listed.stderr}`);
  }
  const files = new TextDecoder().decode(listed.stdout).split("\n").filter((
    line,
  ) => line !== "");
  const temporary = await Deno.makeTempDir({ prefix: "destkit-since-" });
  try {
    for (const file of files) {
      if (!file.endsWith(".ts") && !file.endsWith(".json")) continue;
      const shown = await git(["show", `${ref}:${file}`], root);
      if (!shown.ok) continue;
      const target = join(temporary, file);
      await Deno.mkdir(dirname(target), { recursive: true });
      await Deno.writeFile(target, shown.stdout);
    }
    const loaded = await loadDestinations(join(temporary, base));
    return new Map(
      loaded.map((
        entry,
      ) => [entry.folder, entry.definition ?? entry.error ?? "not loaded"]),
    );
  } finally {
    await Deno.remove(temporary, { recursive: true });
  }
}

function isRequired(fields: InputFields | undefined, key: string): boolean {
  return fields?.[key]?.required === true;
}

function addedRequired(
  before: InputFields | undefined,
  after: InputFields | undefined,
  prefix: string,
  report: (path: string, message: string) => void,
  ref: string,
): void {
  for (const [key, field] of Object.entries(after ?? {})) {
    if (field.required !== true || isRequired(before, key)) continue;
    const what = before?.[key] === undefined
      ? "a new required field"
      : "a field made required";
    report(
      `${prefix}.${key}`,
      `${what} since ${ref}: existing configurations have no value for it (a breaking change); make it optional`,
    );
  }
}

/**
 * Compares a definition with the one at `ref` and reports the breaking
 * changes: required settings or action fields added, and actions removed.
 */
export function findBreakingChanges(
  before: LoadedDefinition,
  after: LoadedDefinition,
  ref: string,
  files: { file: string; actionFile(action: string): string },
): Finding[] {
  const findings: Finding[] = [];
  let file = files.file;
  const report = (path: string, message: string) =>
    findings.push({ level: "error", file, path, message });
  addedRequired(
    before.authentication?.fields,
    after.authentication?.fields,
    "authentication.fields",
    report,
    ref,
  );
  addedRequired(before.settings, after.settings, "settings", report, ref);
  for (const [key, action] of Object.entries(after.actions ?? {})) {
    const old = before.actions?.[key];
    if (old === undefined) continue;
    file = files.actionFile(key);
    addedRequired(
      old.fields,
      action.fields,
      `actions.${key}.fields`,
      report,
      ref,
    );
  }
  file = files.file;
  for (const key of Object.keys(before.actions ?? {})) {
    if (after.actions?.[key] === undefined) {
      report(
        `actions.${key}`,
        `the action was removed since ${ref}: subscriptions to it stop working (a breaking change)`,
      );
    }
  }
  return findings;
}
