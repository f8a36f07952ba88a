import type { BundleManifest } from "./bundle_destination.ts";

/**
 * Formats the size report of bundled destinations as a text table: one row
 * per file with raw and gzipped sizes against the budget, then the median
 * gzipped size of each format.
 */
export function formatSizeTable(manifests: readonly BundleManifest[]): string {
  const rows = [[
    "destination",
    "format",
    "file",
    "raw",
    "gzip",
    "budget",
    "status",
  ]];
  for (const manifest of manifests) {
    for (const file of manifest.files) {
      rows.push([
        manifest.slug,
        file.format,
        file.file,
        formatKB(file.bytes),
        formatKB(file.gzipBytes),
        formatKB(manifest.budget.gzip),
        file.gzipBytes <= manifest.budget.gzip ? "ok" : "OVER BUDGET",
      ]);
    }
  }
  for (const format of ["esm", "iife"] as const) {
    const files = manifests.flatMap((m) =>
      m.files.filter((f) => f.format === format)
    );
    if (files.length === 0) continue;
    rows.push([
      "median",
      format,
      `${files.length} file(s)`,
      formatKB(median(files.map((f) => f.bytes))),
      formatKB(median(files.map((f) => f.gzipBytes))),
      "",
      "",
    ]);
  }
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => row[column].length))
  );
  const numeric = new Set([3, 4, 5]);
  const lines = rows.map((row) =>
    row.map((cell, column) =>
      numeric.has(column)
        ? cell.padStart(widths[column])
        : cell.padEnd(widths[column])
    )
      .join("  ").trimEnd()
  );
  lines.splice(1, 0, widths.map((width) => "-".repeat(width)).join("  "));
  return lines.join("\n");
}

/** Formats a byte count in kilobytes (1 kB = 1024 bytes) with one decimal. */
export function formatKB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}
