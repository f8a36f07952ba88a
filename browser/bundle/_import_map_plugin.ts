import type { Plugin } from "esbuild";

/** The `imports` of an import map. */
export type ImportMapImports = Readonly<Record<string, string>>;

/**
 * An esbuild plugin that resolves the import map's local aliases
 * (`@destkit/browser` -> `./browser/mod.ts`) and renamed npm entries; other
 * bare names are left to esbuild, which finds them in `node_modules/`.
 */
export function importMapPlugin(
  imports: ImportMapImports,
  baseDir: string,
): Plugin {
  const local = new Map<string, string>();
  const renamed = new Map<string, string>();
  for (const [key, target] of Object.entries(imports)) {
    if (target.startsWith("./") || target.startsWith("../")) {
      local.set(key, new URL(target, `file://${baseDir}/`).pathname);
    } else if (target.startsWith("npm:")) {
      const name = npmName(target.slice(4));
      if (name !== key) renamed.set(key, name);
    }
  }
  return {
    name: "destkit-import-map",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === "import-map") return undefined;
        const path = local.get(args.path);
        if (path !== undefined) return { path };
        const [key, rest] = splitBare(args.path);
        const name = renamed.get(key);
        if (name === undefined) return undefined;
        return await build.resolve(name + rest, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: "import-map",
        });
      });
    },
  };
}

// "zod@4.6.7" -> "zod", "@scope/pkg@1.0.0" -> "@scope/pkg"
function npmName(spec: string): string {
  const at = spec.indexOf("@", 1);
  return at === -1 ? spec : spec.slice(0, at);
}

// "@scope/pkg/sub" -> ["@scope/pkg", "/sub"], "zod/mini" -> ["zod", "/mini"]
function splitBare(specifier: string): [string, string] {
  const parts = specifier.split("/");
  const size = specifier.startsWith("@") ? 2 : 1;
  return [
    parts.slice(0, size).join("/"),
    parts.length > size ? "/" + parts.slice(size).join("/") : "",
  ];
}
