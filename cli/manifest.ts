// deno-lint-ignore-file no-console
/**
 * `deno task manifest`: the JSON manifest of every destination (settings,
 * actions, fields as JSON Schema, presets) for a UI or a registry.
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { createCommand } from "./_command.ts";
import { type InputField, type InputFields } from "@destkit/core";
import { fieldsToJSONSchema } from "@destkit/core/tooling";
import { displayPath, resolveDirectory } from "./_destinations_dir.ts";
import { replaceFile } from "./_fs.ts";
import { loadDestinations, type LoadedDefinition } from "./_load.ts";
import { runMain, style } from "./_output.ts";

/** A field as the manifest lists it: its definition without code (no `schema`). */
export type ManifestField = Omit<InputField, "schema" | "properties"> & {
  properties?: Record<string, ManifestField>;
};

/** An action in the manifest. */
export interface ManifestAction {
  title?: string;
  description?: string;
  platform: string;
  defaultSubscription?: string;
  hidden?: boolean;
  /** The fields as defined (labels, categories, defaults, ...). */
  fields: Record<string, ManifestField>;
  /** The payload's JSON Schema. */
  schema: unknown;
}

/** A destination in the manifest. */
export interface ManifestDestination {
  name?: string;
  slug?: string;
  mode?: string;
  description?: string;
  /** The authentication scheme (`custom`, `basic`, `oauth2`, `oauth-managed`), if any. */
  scheme?: string;
  /** The settings users fill in, as defined. */
  settings: Record<string, ManifestField>;
  /** The settings' JSON Schema. */
  settingsSchema: unknown;
  actions: Record<string, ManifestAction>;
  presets: unknown[];
}

/** The manifest `deno task manifest` prints. */
export interface Manifest {
  destinations: ManifestDestination[];
}

function plainFields(fields: InputFields): Record<string, ManifestField> {
  const result: Record<string, ManifestField> = {};
  for (const [key, field] of Object.entries(fields)) {
    const { schema: _schema, properties, ...rest } = field;
    result[key] = properties === undefined
      ? rest
      : { ...rest, properties: plainFields(properties) };
  }
  return result;
}

/** Returns the manifest entry of one definition. */
export function describeDestination(
  definition: LoadedDefinition,
): ManifestDestination {
  const settings = definition.authentication?.fields ?? definition.settings ??
    {};
  const actions: Record<string, ManifestAction> = {};
  for (const [key, action] of Object.entries(definition.actions ?? {})) {
    const fields = action.fields ?? {};
    actions[key] = {
      title: action.title,
      description: action.description,
      platform: action.platform ??
        (definition.mode === "device" ? "web" : "cloud"),
      defaultSubscription: action.defaultSubscription,
      hidden: action.hidden,
      fields: plainFields(fields),
      schema: fieldsToJSONSchema(fields),
    };
  }
  return {
    name: definition.name,
    slug: definition.slug,
    mode: definition.mode,
    description: definition.description,
    scheme: definition.authentication?.scheme,
    settings: plainFields(settings),
    settingsSchema: fieldsToJSONSchema(settings),
    actions,
    presets: [...(definition.presets ?? [])],
  };
}

/**
 * Builds the manifest of the destinations in `directory` (or of `slug` only).
 *
 * @throws {Error} When a destination cannot be loaded, or `slug` names none.
 */
export async function buildManifest(
  directory?: string,
  slug?: string,
): Promise<Manifest> {
  const destinations = await loadDestinations(
    resolveDirectory(directory),
    slug,
  );
  return {
    destinations: destinations.map((destination) => {
      if (destination.definition === undefined) {
        throw new Error(
          `Cannot describe ${
            displayPath(destination.file)
          }: ${destination.error}`,
        );
      }
      return describeDestination(destination.definition);
    }),
  };
}

/** The `deno task manifest` command. */
export function manifestCommand() {
  return createCommand(
    "manifest",
    "Print the JSON manifest of every destination: settings, actions, fields as JSON Schema, presets",
    [
      "deno task manifest > manifest.json",
      "deno task manifest actions-acme",
      "deno task manifest --out manifest.json",
    ],
  )
    .argument("[slug]", "describe only this destination")
    .option("--directory <path>", "the destinations folder", "destinations")
    .option(
      "-o, --out <file>",
      "write the manifest to a file instead of stdout",
    )
    .action(async (slug, options) => {
      const text = `${
        JSON.stringify(await buildManifest(options.directory, slug), null, 2)
      }\n`;
      if (options.out === undefined) {
        await Deno.stdout.write(new TextEncoder().encode(text));
        return;
      }
      const folder = dirname(resolve(options.out));
      const info = await Deno.stat(folder).catch(() => undefined);
      if (info === undefined || !info.isDirectory) {
        throw new Error(
          `Cannot write ${displayPath(options.out)}: the folder ${
            displayPath(folder)
          } ${
            info === undefined ? "does not exist" : "is not a folder"
          }; create it first or pass another --out`,
        );
      }
      const out = options.out;
      await replaceFile(out, text).catch((error) => {
        const cause = error instanceof Deno.errors.PermissionDenied
          ? `permission denied in ${displayPath(folder)}`
          : error instanceof Error
          ? error.constructor.name
          : String(error);
        throw new Error(`Cannot write ${displayPath(out)}: ${cause}`);
      });
      console.error(`${style.green("Wrote")} ${displayPath(options.out)}`);
    });
}

if (import.meta.main) {
  await runMain(() =>
    manifestCommand().parseAsync(Deno.args, { from: "user" }).then(() => {})
  );
}
