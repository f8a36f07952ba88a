/**
 * Runs Segment's compiled CommonJS destinations (the npm package
 * `@segment/action-destinations`) on destkit: every `require("@segment/actions-core")`,
 * also from inside `@segment/actions-shared` or any other package, gets destkit's drop-in
 * (`core/segment/actions_core.ts`) instead of Segment's runtime.
 *
 * This file is outside `core/` because it needs `node:module` (core stays browser-safe).
 *
 * ```ts ignore
 * import { loadSegmentDestination } from "./cli/segment/load_segment_destination.ts";
 * import { Destination } from "./core/segment/actions_core.ts";
 *
 * const definition = loadSegmentDestination(
 *   "./node_modules/@segment/action-destinations/dist/destinations/webhook/index.js",
 * );
 * const destination = new Destination(definition);
 * ```
 *
 * @module
 */
import Module, { createRequire } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as actionsCore from "../../core/segment/actions_core.ts";

/** Module replacements: a package name mapped to the module object `require` returns for it. */
export type DropIns = Readonly<Record<string, object>>;

/** The drop-ins installed by default. */
export const DEFAULT_DROP_INS: DropIns = Object.freeze({
  "@segment/actions-core": actionsCore,
});

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const installed = new Map<string, object>();
let originalLoad: Load | undefined;

/** Returns the drop-in for a request: the package itself or any subpath of it (`@segment/actions-core/dist/cjs`). */
function dropInFor(request: string): object | undefined {
  const exact = installed.get(request);
  if (exact !== undefined) return exact;
  for (const [name, module] of installed) {
    if (request.startsWith(`${name}/`)) return module;
  }
  return undefined;
}

/**
 * Makes every later CommonJS `require` of a package in `dropIns` (or of a subpath of it)
 * return the given module, process-wide. Calling it again adds or replaces drop-ins.
 */
export function installSegmentDropIns(
  dropIns: DropIns = DEFAULT_DROP_INS,
): void {
  for (const [name, module] of Object.entries(dropIns)) {
    installed.set(name, module);
  }
  if (originalLoad !== undefined) return;
  const original = loader._load;
  originalLoad = original;
  loader._load = function load(request, parent, isMain) {
    return dropInFor(request) ?? original.call(this, request, parent, isMain);
  };
}

/** Removes the drop-ins: later `require` calls load the real packages again (already loaded modules keep theirs). */
export function uninstallSegmentDropIns(): void {
  if (originalLoad !== undefined) loader._load = originalLoad;
  originalLoad = undefined;
  installed.clear();
}

/** Options of {@linkcode loadSegmentDestination}. */
export interface LoadSegmentDestinationOptions {
  /** The modules to substitute. @default {DEFAULT_DROP_INS} */
  dropIns?: DropIns;
}

/**
 * Installs the drop-ins, then requires the CommonJS file at `path` (absolute, or relative to
 * the working directory) and returns its default export (the destination definition), or
 * the module itself when it has none.
 *
 * @throws {Error} whatever `require` throws (a missing file, a missing dependency).
 */
export function loadSegmentDestination(
  path: string,
  options: LoadSegmentDestinationOptions = {},
): unknown {
  const { dropIns = DEFAULT_DROP_INS } = options;
  installSegmentDropIns(dropIns);
  const file = resolve(path);
  const require = createRequire(pathToFileURL(file));
  const loaded = require(file) as { default?: unknown };
  return loaded?.default ?? loaded;
}
