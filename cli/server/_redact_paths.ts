/** A folder whose absolute path is shown as `label` instead. */
export type PathLabel = readonly [path: string, label: string];

const FILE_URL = /file:\/\/\/[^\s"'`)\]]*/g;

/**
 * Replaces the absolute paths of `labels` (and their `file://` URLs) in `text`
 * with their labels, and any other `file://` URL with its file name, so that
 * answers never show where the project sits on the disk.
 */
export function redactPaths(
  text: string,
  labels: readonly PathLabel[],
): string {
  const sorted = labels
    .map(([path, label]) => [path.replace(/\/+$/, ""), label] as const)
    .filter(([path]) => path.length > 1)
    .sort((a, b) => b[0].length - a[0].length);
  let redacted = text;
  for (const [path, label] of sorted) {
    for (
      const prefix of [`file://${encodeURI(path)}`, `file://${path}`, path]
    ) {
      redacted = redacted.split(prefix).join(label);
    }
  }
  return redacted.replace(
    FILE_URL,
    (url) => `…/${url.split("/").filter((part) => part !== "").pop()}`,
  );
}
