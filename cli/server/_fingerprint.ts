import { join } from "node:path";

/**
 * Returns a fingerprint of the files under `folder` (names, sizes and
 * modification times), which changes when any of them is edited.
 */
export async function fingerprintFolder(folder: string): Promise<string> {
  const parts: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > 8) return;
    const entries = [];
    for await (const entry of Deno.readDir(dir)) entries.push(entry);
    entries.sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") {
        continue;
      }
      const path = join(dir, entry.name);
      if (entry.isDirectory) await walk(path, depth + 1);
      else if (entry.isFile) {
        const info = await Deno.stat(path);
        parts.push(`${path}:${info.size}:${info.mtime?.getTime() ?? 0}`);
      }
    }
  }
  await walk(folder, 0);
  return parts.join("\n");
}
