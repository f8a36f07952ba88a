import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { InputFields, Preset } from "@destkit/core";
import { exists } from "./_fs.ts";

/** The parts of an action definition that the CLI reads, cloud or device. */
export interface LoadedAction {
  title?: string;
  description?: string;
  platform?: string;
  defaultSubscription?: string;
  hidden?: boolean;
  fields?: InputFields;
}

/** The parts of a destination definition that the CLI reads, cloud or device. */
export interface LoadedDefinition {
  name?: string;
  slug?: string;
  mode?: string;
  description?: string;
  authentication?: { scheme?: string; fields?: InputFields };
  settings?: InputFields;
  presets?: readonly Preset[];
  actions?: Record<string, LoadedAction>;
}

/** A destination found in a destinations folder. */
export interface LoadedDestination {
  /** The name of its folder. */
  folder: string;
  /** The path of its `index.ts`. */
  file: string;
  /** Its definition, or `undefined` when it could not be loaded. */
  definition?: LoadedDefinition;
  /** Why it could not be loaded. */
  error?: string;
}

/** Returns the folder names in `directory` that hold an `index.ts`, sorted. */
export async function listDestinationFolders(
  directory: string,
): Promise<string[]> {
  const folders: string[] = [];
  if (!(await exists(directory))) return folders;
  for await (const entry of Deno.readDir(directory)) {
    if (
      !entry.isDirectory || entry.name.startsWith(".") ||
      entry.name.startsWith("_")
    ) continue;
    if (await exists(join(directory, entry.name, "index.ts"))) {
      folders.push(entry.name);
    }
  }
  return folders.sort();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Picks the definition out of a destination module: its `destination` export
 * (device mode exports the definition that way), else its default export, else
 * the `definition` a wrapped default export carries.
 */
export function definitionOf(
  module: Record<string, unknown>,
): LoadedDefinition | undefined {
  for (const candidate of [module.destination, module.default]) {
    if (isObject(candidate) && isObject(candidate.actions)) {
      return candidate as LoadedDefinition;
    }
    const wrapped = (candidate as { definition?: unknown } | undefined)
      ?.definition;
    if (isObject(wrapped) && isObject(wrapped.actions)) {
      return wrapped as LoadedDefinition;
    }
  }
  return undefined;
}

/** Imports one destination's `index.ts`. */
export async function loadDestination(
  directory: string,
  folder: string,
): Promise<LoadedDestination> {
  const file = resolve(directory, folder, "index.ts");
  try {
    const module = await import(pathToFileURL(file).href);
    const definition = definitionOf(module);
    if (definition === undefined) {
      return {
        folder,
        file,
        error:
          "it exports no destination definition (a default export with `actions`)",
      };
    }
    return { folder, file, definition };
  } catch (error) {
    return {
      folder,
      file,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Imports the destinations of `directory`, or only `slug`'s (a folder name, or
 * the slug of a definition: ported destinations keep Segment's folder names).
 *
 * @throws {Error} When `slug` names no destination.
 */
export async function loadDestinations(
  directory: string,
  slug?: string,
): Promise<LoadedDestination[]> {
  const folders = await listDestinationFolders(directory);
  if (slug !== undefined && folders.includes(slug)) {
    return [await loadDestination(directory, slug)];
  }
  const loaded: LoadedDestination[] = [];
  for (const folder of folders) {
    loaded.push(await loadDestination(directory, folder));
  }
  if (slug === undefined) return loaded;
  const matching = loaded.filter((destination) =>
    destination.definition?.slug === slug
  );
  if (matching.length === 0) {
    throw new Error(unknownDestination(slug, folders, directory));
  }
  return matching;
}

/** The message for a slug that names no destination folder. */
export function unknownDestination(
  slug: string,
  folders: readonly string[],
  directory: string,
): string {
  const known = folders.length === 0
    ? "there are none"
    : `known: ${folders.join(", ")}`;
  return `Cannot find destination "${slug}" in ${directory}: ${known}`;
}
