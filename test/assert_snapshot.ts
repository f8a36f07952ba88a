import { AssertionError } from "node:assert";
import { diffLines, serialize } from "./_serialize.ts";

/** Options for {@linkcode assertSnapshot}. */
export interface AssertSnapshotOptions {
  /** The snapshot's name. @default {the test's name (with its steps), numbered per test} */
  name?: string;
  /** Whether to write the value instead of comparing. @default {`--update`/`-u` in the test's arguments, or UPDATE_SNAPSHOTS=1} */
  update?: boolean;
  /** Whether a missing snapshot fails instead of being written, as CI wants. @default {whether `CI` is set} */
  ci?: boolean;
}

const HEADER =
  "// destkit snapshots: update with `deno task test -- --update` (or UPDATE_SNAPSHOTS=1)";
const SECTION = /^=== (.*) ===$/;

const files = new Map<string, Map<string, string>>();
const counters = new Map<string, number>();

/**
 * Compares `value` with the snapshot stored beside the test in
 * `__snapshots__/<test file>.snap`, written as readable text. A missing snapshot is
 * written (outside CI); `deno task test -- --update` or `UPDATE_SNAPSHOTS=1` rewrites them.
 *
 * @throws {AssertionError} with a line diff when the value differs, or when a snapshot is missing in CI.
 *
 * @example
 * ```ts ignore
 * import { assertSnapshot } from "@destkit/test";
 *
 * Deno.test("payload", async (t) => {
 *   await assertSnapshot(t, { name: "Signed Up", count: 3 });
 * });
 * ```
 */
export async function assertSnapshot(
  t: Deno.TestContext,
  value: unknown,
  options: AssertSnapshotOptions = {},
): Promise<void> {
  const testFile = decodeURIComponent(new URL(t.origin).pathname);
  const slash = testFile.lastIndexOf("/");
  const directory = `${testFile.slice(0, slash)}/__snapshots__`;
  const file = `${directory}/${testFile.slice(slash + 1)}.snap`;
  const base = options.name ?? fullName(t);
  const counterKey = `${file}\0${base}`;
  const count = (counters.get(counterKey) ?? 0) + 1;
  counters.set(counterKey, count);
  const key = `${base} ${count}`;
  const actual = serialize(value);
  const snapshots = await load(file);
  const expected = snapshots.get(key);
  const update = options.update ?? isUpdateMode();
  if (expected === actual) return;
  if (expected !== undefined && !update) {
    throw new AssertionError({
      message: `Snapshot "${key}" does not match (${file}):\n${
        diffLines(expected, actual)
      }\nRun \`deno task test -- --update\` to accept the new value`,
    });
  }
  const ci = options.ci ?? Deno.env.get("CI") !== undefined;
  if (expected === undefined && !update && ci) {
    throw new AssertionError({
      message:
        `Snapshot "${key}" is missing from ${file}: run \`deno task test -- --update\``,
    });
  }
  snapshots.set(key, actual);
  await Deno.mkdir(directory, { recursive: true });
  const sections = [...snapshots].map(([name, text]) =>
    `=== ${name} ===\n${text}\n`
  );
  await Deno.writeTextFile(file, `${HEADER}\n\n${sections.join("\n")}`);
}

function fullName(t: Deno.TestContext): string {
  const names: string[] = [];
  for (
    let context: Deno.TestContext | undefined = t;
    context !== undefined;
    context = context.parent
  ) {
    names.unshift(context.name);
  }
  return names.join(" > ");
}

function isUpdateMode(): boolean {
  return Deno.args.includes("--update") || Deno.args.includes("-u") ||
    Deno.env.get("UPDATE_SNAPSHOTS") === "1";
}

async function load(file: string): Promise<Map<string, string>> {
  let snapshots = files.get(file);
  if (snapshots !== undefined) return snapshots;
  snapshots = new Map();
  files.set(file, snapshots);
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return snapshots;
    throw error;
  }
  let name: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (name === undefined) return;
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    snapshots!.set(name, lines.join("\n"));
  };
  for (const line of text.split("\n")) {
    const match = SECTION.exec(line);
    if (match !== null) {
      flush();
      name = match[1];
      lines = [];
    } else if (name !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return snapshots;
}
