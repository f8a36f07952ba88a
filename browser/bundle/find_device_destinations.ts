import {
  collectFieldKinds,
  type FieldKindSelection,
} from "./_field_checks_entry.ts";
import {
  checkBrowserDefinition,
  type CheckedBrowserDefinition,
} from "./check_browser_definition.ts";

/** A device-mode destination found in the destinations folder. */
export interface DeviceDestination {
  slug: string;
  name: string;
  /** The absolute path of its `index.ts`. */
  entry: string;
  /** Its declared gzip budget, in bytes, when it declares one. */
  gzipBudget?: number;
  /** The field kinds and formats its settings and actions use. */
  fieldKinds: FieldKindSelection;
}

interface DefinitionLike extends CheckedBrowserDefinition {
  name?: unknown;
  slug?: unknown;
  mode?: unknown;
  budget?: { gzip?: unknown };
}

/**
 * Finds the device-mode destinations in `dir` (one folder each, with an
 * `index.ts` whose default export is `browserDestination(...)` or that
 * exports `destination`), sorted by slug; `only` keeps the given slugs. The
 * field definitions of each are checked, since bundles do not check them.
 *
 * @throws {Error} When a slug in `only` is not a device-mode destination.
 * @throws {TypeError} When a field definition is wrong (see {@linkcode checkBrowserDefinition}).
 */
export async function findDeviceDestinations(
  dir: string,
  only: readonly string[] = [],
): Promise<DeviceDestination[]> {
  const found: DeviceDestination[] = [];
  const definitions = new Map<string, DefinitionLike>();
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isDirectory) continue;
    const path = `${dir}/${entry.name}/index.ts`;
    try {
      await Deno.stat(path);
    } catch {
      continue;
    }
    const module = await import(`file://${path}`) as {
      default?: { definition?: DefinitionLike };
      destination?: DefinitionLike;
    };
    const definition = module.default?.definition ?? module.destination;
    if (definition?.mode !== "device") continue;
    const slug = typeof definition.slug === "string"
      ? definition.slug
      : entry.name;
    definitions.set(path, definition);
    const budget = definition.budget?.gzip;
    found.push({
      slug,
      name: typeof definition.name === "string" ? definition.name : slug,
      entry: path,
      fieldKinds: collectFieldKinds(definition),
      ...(typeof budget === "number" ? { gzipBudget: budget } : {}),
    });
  }
  const missing = only.filter((slug) => !found.some((d) => d.slug === slug));
  if (missing.length > 0) {
    throw new Error(
      `Cannot bundle ${
        missing.join(", ")
      }: no device-mode destination with that slug in ${dir}`,
    );
  }
  const kept = only.length === 0
    ? found
    : found.filter((d) => only.includes(d.slug));
  for (const destination of kept) {
    checkBrowserDefinition(definitions.get(destination.entry)!);
  }
  return kept.sort((a, b) => a.slug.localeCompare(b.slug));
}
