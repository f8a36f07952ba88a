// deno-lint-ignore-file no-console
// `deno run -A bench/walk.ts [--json]`: the files a newcomer reads when following one event,
// measured rather than guessed. `walk_target.ts` runs under V8 coverage three times (core
// loaded; a destination created; created and one event sent) and the files whose functions
// ran more often at the later stage are the walk:
// - from `onEvent` to the outgoing request: core files that run for the event, beyond
//   `createDestination`;
// - from a field definition to its validator: core/fields files that run from creating the
//   destination to validating the event's payload.

/** The two walks, as paths below `core/`, sorted. */
export interface Walks {
  onEvent: string[];
  field: string[];
}

type Counts = Map<string, Map<string, number>>;

const TARGET = new URL("./walk_target.ts", import.meta.url);
const CONFIG = new URL("../deno.json", import.meta.url);

/** Runs the three stages under coverage and returns the walks. */
export async function measureWalks(): Promise<Walks> {
  const root = await Deno.makeTempDir({ prefix: "destkit-walk-" });
  try {
    const [loaded, defined, sent] = [
      await coverageOf("import", root),
      await coverageOf("define", root),
      await coverageOf("event", root),
    ];
    return {
      onEvent: grown(defined, sent).filter((file) => !file.startsWith("..")),
      field: grown(loaded, sent).filter((file) => file.startsWith("fields/")),
    };
  } finally {
    await Deno.remove(root, { recursive: true });
  }
}

async function coverageOf(stage: string, root: string): Promise<Counts> {
  const dir = `${root}/${stage}`;
  const run = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      `--config=${CONFIG.pathname}`,
      `--coverage=${dir}`,
      TARGET.pathname,
      stage,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!run.success) {
    throw new Error(
      `walk_target.ts ${stage} failed: ${new TextDecoder().decode(run.stderr)}`,
    );
  }
  const report = await new Deno.Command(Deno.execPath(), {
    args: ["coverage", dir, "--lcov"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!report.success) {
    throw new Error(
      `deno coverage failed: ${new TextDecoder().decode(report.stderr)}`,
    );
  }
  return parseLcov(new TextDecoder().decode(report.stdout));
}

/** Function run counts per source file (`SF:`), from `FNDA:count,name` lines. */
export function parseLcov(lcov: string): Counts {
  const counts: Counts = new Map();
  let current: Map<string, number> | undefined;
  for (const line of lcov.split("\n")) {
    if (line.startsWith("SF:")) {
      current = new Map();
      counts.set(line.slice(3).trim(), current);
    } else if (line.startsWith("FNDA:") && current !== undefined) {
      const comma = line.indexOf(",");
      const name = line.slice(comma + 1).trim();
      const count = Number(line.slice(5, comma));
      current.set(name, (current.get(name) ?? 0) + count);
    }
  }
  return counts;
}

// The core files (relative to core/, "../x" outside it) with a function that ran more in `after`.
function grown(before: Counts, after: Counts): string[] {
  const core = new URL("../core/", import.meta.url).pathname;
  const files: string[] = [];
  for (const [file, functions] of after) {
    const path = file.startsWith("file://") ? new URL(file).pathname : file;
    const earlier = before.get(file);
    for (const [name, count] of functions) {
      if (count > (earlier?.get(name) ?? 0)) {
        files.push(
          path.startsWith(core) ? path.slice(core.length) : `..${path}`,
        );
        break;
      }
    }
  }
  return files.sort();
}

if (import.meta.main) {
  const walks = await measureWalks();
  if (Deno.args.includes("--json")) {
    console.log(JSON.stringify(walks, null, 2));
  } else {
    for (
      const [title, files] of [
        ["From onEvent to the outgoing request", walks.onEvent],
        ["From a field definition to its validator", walks.field],
      ] as const
    ) {
      console.log(`${title}: ${files.length} files`);
      for (const file of files) console.log(`  core/${file}`);
    }
  }
}
