import { relative, resolve } from "node:path";

/** The destinations folder the commands use unless `--directory` says otherwise. */
export const DEFAULT_DIRECTORY = "destinations";

/** Returns `directory` resolved against the working directory. */
export function resolveDirectory(
  directory: string = DEFAULT_DIRECTORY,
): string {
  return resolve(Deno.cwd(), directory);
}

/** Returns `path` relative to the working directory when it is inside it, for messages. */
export function displayPath(path: string): string {
  const relativePath = relative(Deno.cwd(), path);
  return relativePath === ""
    ? "."
    : relativePath.startsWith("..")
    ? path
    : relativePath;
}
