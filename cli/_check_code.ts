import { hasColor } from "./_output.ts";

async function runDeno(args: string[]): Promise<string | undefined> {
  const output = await new Deno.Command(Deno.execPath(), {
    args,
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
 * Runs `deno check`, then `deno lint`, on the TypeScript files `files` (with
 * the configuration Deno finds for them) and returns their diagnostics, or
 * `undefined` when both pass.
 */
export async function checkCode(files: string[]): Promise<string | undefined> {
  const checked = await runDeno(["check", "--quiet", ...files]);
  if (checked !== undefined) return `deno check failed:\n${checked}`;
  const linted = await runDeno(["lint", "--quiet", ...files]);
  if (linted !== undefined) return `deno lint failed:\n${linted}`;
  return undefined;
}
