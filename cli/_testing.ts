// Test helpers: a throw-away workspace that resolves @destkit/* to this repository, and a CLI runner.
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runAction } from "./action.ts";
import { runInit } from "./init.ts";
import type { Tester } from "./serve.ts";

/** The repository root (the folder of deno.json). */
export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The deno.json of a temporary workspace: the repo's import map and lint rules, the shared npm cache. */
export function workspaceConfig(): string {
  return JSON.stringify(
    {
      importMap: join(REPO_ROOT, "import_map.json"),
      nodeModulesDir: "none",
      lock: false,
      compilerOptions: {
        strict: true,
        noImplicitOverride: true,
        lib: ["deno.window", "dom"],
      },
      lint: {
        rules: {
          tags: ["recommended"],
          include: ["no-import-prefix", "no-console"],
        },
      },
    },
    null,
    2,
  );
}

/** Creates a temporary workspace folder with its deno.json; remove it when done. */
export async function createWorkspace(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "destkit-cli-" });
  await Deno.writeTextFile(join(root, "deno.json"), workspaceConfig());
  return root;
}

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cli/<script>` with `args` in `cwd`, without a terminal and without colour unless `env` says otherwise. */
export async function runCli(
  script: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
): Promise<CliRun> {
  const command = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-all",
      "--config",
      join(options.cwd, "deno.json"),
      join(REPO_ROOT, "cli", script),
      ...args,
    ],
    cwd: options.cwd,
    env: { NO_COLOR: "1", ...options.env },
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  });
  const child = command.spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  return cliRunOf(await child.output());
}

function cliRunOf(output: Deno.CommandOutput): CliRun {
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

/** Runs `cli/<script>` with `args` in `cwd` and fails unless it exits 0 (showing what it printed); returns the run. */
export async function runCliOk(
  script: string,
  args: string[],
  cwd: string,
): Promise<CliRun> {
  const run = await runCli(script, args, { cwd });
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  return run;
}

/** Runs `cli/<script>` with `args` in `cwd` and fails unless it exits 1 with `message` on stderr. */
export async function runCliFailing(
  script: string,
  args: string[],
  cwd: string,
  message: RegExp,
): Promise<CliRun> {
  const run = await runCli(script, args, { cwd });
  assert.equal(run.code, 1, run.stdout);
  assert.match(run.stderr, message);
  return run;
}

/**
 * What a clean environment keeps: where Deno and its cache live, and how it reaches the npm
 * registry (certificate authorities and proxies), so a machine behind a TLS-intercepting proxy
 * still installs packages.
 */
const KEPT_VARIABLES = [
  "PATH",
  "HOME",
  "DENO_DIR",
  "TMPDIR",
  "XDG_CACHE_HOME",
  "DENO_CERT",
  "DENO_TLS_CA_STORE",
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "NPM_CONFIG_REGISTRY",
  "NPM_CONFIG_CAFILE",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
];

/** Runs `deno <args>` in `cwd` with a clean environment (plus `env`) and returns its outcome. */
export async function runDeno(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_VARIABLES) {
    const value = Deno.env.get(name);
    if (value !== undefined) kept[name] = value;
  }
  const output = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    clearEnv: true,
    env: { ...kept, NO_COLOR: "1", ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  return cliRunOf(output);
}

/**
 * Scaffolds `actions-<name>` (custom template) in `directory` with one server action `track`,
 * as `deno task init` and `deno task action` would, and returns the path of the action's file.
 */
export async function scaffoldTrack(
  directory: string,
  name = "Acme",
): Promise<string> {
  const destination = `actions-${name.toLowerCase()}`;
  await runInit({ name, template: "custom", yes: true, directory });
  await runAction({ name: "track", type: "server", destination, directory });
  return join(directory, destination, "track", "index.ts");
}

/** Rewrites a text file in place with `edit` and returns the text it had, to put back later. */
export async function editFile(
  file: string,
  edit: (text: string) => string,
): Promise<string> {
  const text = await Deno.readTextFile(file);
  await Deno.writeTextFile(file, edit(text));
  return text;
}

/** Runs `deno task init` for "Acme" with the minimal template in `root`; fails unless it succeeds. */
export async function initMinimal(root: string): Promise<void> {
  await runCliOk(
    "init.ts",
    ["--name", "Acme", "--template", "minimal", "--yes"],
    root,
  );
}

/**
 * Calls the tester's HTTP API with its launch token: a GET without `body`, else a POST of
 * `body` as JSON; `headers` are added last.
 */
export function callTester(
  tester: Tester,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(new URL(path, tester.url), {
    method: body === undefined ? "GET" : "POST",
    headers: {
      "x-destkit-token": tester.token,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
