import { dirname, join } from "node:path";

/** Returns whether `path` exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/** Formats `path` with `deno fmt` and the project's settings; formatting is cosmetic, so a failure is ignored. */
async function format(path: string): Promise<void> {
  await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--quiet", path],
    cwd: dirname(path),
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).output().catch(() => {});
}

/**
 * Writes `files` (relative path -> text) as the new directory `target`: all of
 * them go to a temporary sibling first, are formatted there with `deno fmt`
 * (so they match the project's formatting whatever the names' lengths), and
 * the sibling is renamed into place at the end, so a failure leaves nothing
 * half-written.
 *
 * @throws {Error} When `target` already exists.
 */
export async function writeDirectory(
  target: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const parent = dirname(target);
  await Deno.mkdir(parent, { recursive: true });
  if (await exists(target)) {
    throw new Error(`Cannot create ${target}: it already exists`);
  }
  // A plain mkdir (makeTempDir's folder is private to its owner) keeps the usual permissions.
  const temporary = join(parent, `.destkit-${crypto.randomUUID()}`);
  await Deno.mkdir(temporary);
  try {
    for (const [path, text] of Object.entries(files)) {
      const file = join(temporary, path);
      await Deno.mkdir(dirname(file), { recursive: true });
      await Deno.writeTextFile(file, text);
    }
    await format(temporary);
    await Deno.rename(temporary, target);
  } catch (error) {
    await Deno.remove(temporary, { recursive: true }).catch(() => {});
    throw error;
  }
}

/** Replaces the text of `path` by writing a temporary sibling and renaming it. */
export async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.destkit-${crypto.randomUUID()}`);
  const mode = await Deno.stat(path).then((info) => info.mode, () => null);
  try {
    await Deno.writeTextFile(temporary, text);
    if (mode !== null) await Deno.chmod(temporary, mode & 0o7777);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  }
}
