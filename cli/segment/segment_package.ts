/**
 * Finds the compiled destinations of an installed `@segment/action-destinations`, for
 * `deno task serve --segment`.
 *
 * @module
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Where `--segment` looks without a path: the install of the replay (`npm ci` in `replay/`). */
export const DEFAULT_SEGMENT_PACKAGE: string = fileURLToPath(
  new URL("../../replay/node_modules", import.meta.url),
);

const PACKAGE = "@segment/action-destinations";

/** How a Segment destination is named in the tester (its `folder`): `segment:<slug>`. */
export const SEGMENT_PREFIX = "segment:";

/**
 * Returns the folder of the compiled destinations (`dist/destinations`) of the
 * `@segment/action-destinations` at `path`: a `node_modules` folder holding it, or the
 * package's own folder.
 *
 * @throws {Error} When neither holds the package's destinations.
 */
export function resolveSegmentDestinations(
  path: string = DEFAULT_SEGMENT_PACKAGE,
): string {
  const base = resolve(path);
  const candidates = [
    join(base, PACKAGE, "dist", "destinations"),
    join(base, "dist", "destinations"),
  ];
  for (const candidate of candidates) {
    if (listSegmentDestinations(candidate).length > 0) return candidate;
  }
  throw new Error(
    `Cannot find ${PACKAGE} in "${path}": pass its node_modules folder or the package's folder` +
      (path === DEFAULT_SEGMENT_PACKAGE
        ? " (or run npm ci in replay/ to install the pinned one)"
        : ""),
  );
}

/** The slugs of the compiled destinations in `directory` (folders with an `index.js`), sorted. */
export function listSegmentDestinations(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory() && existsSync(join(directory, entry.name, "index.js"))
    )
    .map((entry) => entry.name)
    .sort();
}
