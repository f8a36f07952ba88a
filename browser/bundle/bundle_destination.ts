import * as esbuild from "esbuild";
import {
  type FieldKindSelection,
  generateFieldChecksEntry,
} from "./_field_checks_entry.ts";
import { FORMAT_CHECKS } from "../../core/fields/format_checks.ts";
import { fieldKinds } from "../../core/fields/kinds/mod.ts";
import {
  type ImportMapImports,
  importMapPlugin,
} from "./_import_map_plugin.ts";

/**
 * The gzipped size each output file may reach when a destination declares no
 * budget, in bytes (12 KiB): the example destinations' median is about 12.2
 * kB; the larger (`userpilot-web`) declares 13 KiB.
 */
export const DEFAULT_GZIP_BUDGET = 12 * 1024;

/** Modules that never belong in a device-mode bundle: the request client and the cloud runtime. */
const FORBIDDEN_INPUTS = [/(^|\/)core\/request\//, /(^|\/)core\/destination\//];

const EVERY_FIELD_KIND: FieldKindSelection = {
  types: Object.keys(fieldKinds),
  formats: Object.keys(FORMAT_CHECKS),
};

/** Options for {@linkcode bundleDestination}. */
export interface BundleDestinationOptions {
  /** The destination's slug: names its folder and its files. */
  slug: string;
  /** The destination's name, which analytics.js matches against a remote plugin's `name`. @default {slug} */
  name?: string;
  /** The destination's `index.ts`, whose default export is the plugin factory. */
  entry: string;
  /** Where the files go; they replace what the folder held. */
  outDir: string;
  /** The project root, where `import_map.json` and `node_modules/` are. */
  root: string;
  /** The import map's `imports`. @default {the root's import_map.json} */
  imports?: ImportMapImports;
  /** The largest gzipped size of each file, in bytes. @default {12288} */
  gzipBudget?: number;
  /** The global the IIFE assigns the factory to. @default {`${slug}Destination`} */
  globalName?: string;
  /**
   * The field kinds and string formats the destination's fields use
   * (`collectFieldKinds`): the bundle's entry imports only their checks and
   * passes them to the factory (`withFieldChecks`).
   * @default {every kind and format}
   */
  fieldKinds?: FieldKindSelection;
}

/** One output file: its hashed name, its source map and its sizes. */
export interface BundleFile {
  format: "esm" | "iife";
  file: string;
  sourcemap: string;
  bytes: number;
  gzipBytes: number;
}

/** What {@linkcode bundleDestination} built; `manifest.json` holds the same. */
export interface BundleManifest {
  slug: string;
  name: string;
  globalName: string;
  budget: { gzip: number };
  files: BundleFile[];
  /** The modules that add bytes to the bundle, relative to the root, with the bytes each adds. */
  inputs: Record<string, number>;
  /** Whether each file fits the budget. */
  withinBudget: boolean;
}

/**
 * Bundles one device-mode destination with esbuild, as minified ESM (the
 * module's exports) and as an IIFE that assigns the plugin factory to
 * `globalThis[globalName]` (analytics.js's `libraryName`), each with a source
 * map and a content hash in its name, then writes `manifest.json`.
 *
 * @throws {Error} When esbuild fails, or the bundle pulls in the request client or the cloud runtime.
 */
export async function bundleDestination(
  options: BundleDestinationOptions,
): Promise<BundleManifest> {
  const {
    slug,
    name = slug,
    entry,
    outDir,
    root,
    imports = await readImports(root),
    gzipBudget = DEFAULT_GZIP_BUDGET,
    globalName = `${slug}Destination`,
    fieldKinds,
  } = options;
  const shared: esbuild.BuildOptions = {
    bundle: true,
    minify: true,
    sourcemap: "linked",
    platform: "browser",
    // The runtime already needs ES2022 built-ins (Object.hasOwn, Error's
    // `cause`), so ES2022 syntax (class fields) is left as written.
    target: "es2022",
    metafile: true,
    write: false,
    outdir: outDir,
    absWorkingDir: root,
    legalComments: "none",
    logLevel: "silent",
    plugins: [importMapPlugin(imports, root)],
    // The runtime's full set of field checks is left out: the entry passes its own.
    define: { DESTKIT_BUNDLE: "true" },
  };
  // The entry wraps the factory with only the field checks the fields use, by ordinary imports.
  const checks = generateFieldChecksEntry(fieldKinds ?? EVERY_FIELD_KIND, root);
  const wrap = `import destination from ${JSON.stringify(entry)};
${checks.imports}
const factory = destination.withFieldChecks(${checks.expression});
`;
  const esm = await esbuild.build({
    ...shared,
    stdin: {
      contents: `${wrap}export * from ${
        JSON.stringify(entry)
      };\nexport default factory;\n`,
      resolveDir: root,
      sourcefile: `${slug}.esm.ts`,
      loader: "ts",
    },
    format: "esm",
    entryNames: `${slug}.esm-[hash]`,
  });
  const iife = await esbuild.build({
    ...shared,
    stdin: {
      contents: `${wrap}globalThis[${JSON.stringify(globalName)}] = factory;\n`,
      resolveDir: root,
      sourcefile: `${slug}.iife.ts`,
      loader: "ts",
    },
    format: "iife",
    entryNames: `${slug}.iife-[hash]`,
  });

  const inputs = bundleInputs(esm.metafile!, iife.metafile!);
  const forbidden = Object.keys(inputs).filter((path) =>
    FORBIDDEN_INPUTS.some((re) => re.test(path))
  );
  if (forbidden.length > 0) {
    throw new Error(
      `Cannot bundle ${slug}: the bundle pulls in ${
        forbidden.join(", ")
      }; import device-mode code from the area modules`,
    );
  }

  await Deno.remove(outDir, { recursive: true }).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  await Deno.mkdir(outDir, { recursive: true });
  const files: BundleFile[] = [];
  for (const [format, result] of [["esm", esm], ["iife", iife]] as const) {
    const code = result.outputFiles!.find((file) => file.path.endsWith(".js"))!;
    const map = result.outputFiles!.find((file) =>
      file.path.endsWith(".js.map")
    )!;
    for (const output of result.outputFiles!) {
      await Deno.writeFile(output.path, output.contents);
    }
    files.push({
      format,
      file: basename(code.path),
      sourcemap: basename(map.path),
      bytes: code.contents.byteLength,
      gzipBytes: await gzipSize(code.contents),
    });
  }
  const manifest: BundleManifest = {
    slug,
    name,
    globalName,
    budget: { gzip: gzipBudget },
    files,
    inputs,
    withinBudget: files.every((file) => file.gzipBytes <= gzipBudget),
  };
  await Deno.writeTextFile(
    `${outDir}/manifest.json`,
    JSON.stringify(manifest, null, 2) + "\n",
  );
  return manifest;
}

/** Returns the gzipped size of `bytes` (gzip's default level, as CDNs serve). */
export async function gzipSize(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()
    .pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

async function readImports(root: string): Promise<ImportMapImports> {
  const text = await Deno.readTextFile(`${root}/import_map.json`);
  return (JSON.parse(text) as { imports: ImportMapImports }).imports;
}

// The largest contribution of each module across both formats, by path relative to the root.
function bundleInputs(
  ...metafiles: esbuild.Metafile[]
): Record<string, number> {
  const inputs: Record<string, number> = {};
  for (const metafile of metafiles) {
    for (const output of Object.values(metafile.outputs)) {
      for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
        if (bytesInOutput > (inputs[path] ?? 0)) inputs[path] = bytesInOutput;
      }
    }
  }
  return Object.fromEntries(
    Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b)),
  );
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
