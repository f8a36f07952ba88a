// A readable, stable text form of a value for snapshots (key order kept, undefined shown).

/** Returns `value` as indented text. */
export function serialize(value: unknown): string {
  return write(value, "", new Set());
}

function write(value: unknown, indent: string, seen: Set<object>): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
      return String(value);
    case "function":
      return `[Function ${value.name || "anonymous"}]`;
    case "symbol":
      return value.toString();
  }
  const object = value as object;
  if (seen.has(object)) return "[Circular]";
  if (object instanceof Date) {
    return `Date(${
      Number.isNaN(object.getTime()) ? "Invalid" : object.toISOString()
    })`;
  }
  if (object instanceof RegExp) return String(object);
  if (object instanceof Error) {
    return `${object.name}(${JSON.stringify(object.message)})`;
  }
  seen.add(object);
  const inner = `${indent}  `;
  let text: string;
  if (Array.isArray(object)) {
    text = object.length === 0
      ? "[]"
      : `[\n${
        object.map((item) => `${inner}${write(item, inner, seen)},`).join("\n")
      }\n${indent}]`;
  } else {
    const entries: [string, unknown][] = object instanceof Map
      ? [...object.entries()].map(([key, item]) => [String(key), item])
      : object instanceof Headers
      ? [...object.entries()]
      : object instanceof Set
      ? [...object].map((item, index) => [String(index), item])
      : Object.entries(object);
    const prefix = object instanceof Map
      ? "Map "
      : object instanceof Set
      ? "Set "
      : object instanceof Headers
      ? "Headers "
      : "";
    text = entries.length === 0
      ? `${prefix}{}`
      : `${prefix}{\n${
        entries.map(([key, item]) =>
          `${inner}${JSON.stringify(key)}: ${write(item, inner, seen)},`
        ).join("\n")
      }\n${indent}}`;
  }
  seen.delete(object);
  return text;
}

/** Returns a line diff of `expected` and `actual`: `-` lines only in the snapshot, `+` only in the value. */
export function diffLines(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const lengths: number[][] = Array.from(
    { length: a.length + 1 },
    () => new Array(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j]
        ? lengths[i + 1][j + 1] + 1
        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (
      i < a.length && (j === b.length || lengths[i + 1][j] >= lengths[i][j + 1])
    ) {
      lines.push(`- ${a[i++]}`);
    } else {
      lines.push(`+ ${b[j++]}`);
    }
  }
  return lines.join("\n");
}
