import { dirname } from "node:path";
import { hasColor } from "./_output.ts";

async function runDeno(
  args: string[],
  cwd: string,
): Promise<string | undefined> {
  const output = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: hasColor() ? {} : { NO_COLOR: "1" },
  }).output();
  if (output.success) return undefined;
  const decoder = new TextDecoder();
  const text = `${decoder.decode(output.stdout)}${
    decoder.decode(output.stderr)
  }`;
  return text.trim();
}

/**
 * Runs `deno check`, then `deno lint`, on the TypeScript files `files` (absolute
 * paths; with the configuration Deno finds above the first one) and returns
 * their diagnostics, or `undefined` when both pass.
 */
export async function checkCode(files: string[]): Promise<string | undefined> {
  const cwd = dirname(files[0]);
  const checked = await runDeno(["check", "--quiet", ...files], cwd);
  if (checked !== undefined) return `deno check failed:\n${checked}`;
  const linted = await runDeno(["lint", "--quiet", ...files], cwd);
  if (linted !== undefined) return `deno lint failed:\n${linted}`;
  return undefined;
}
