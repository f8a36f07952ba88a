/**
 * Runs `deno check` on `file` from the working directory (so the project's
 * import map applies) and returns its diagnostics, or `undefined` when the
 * file type-checks.
 */
export async function typeCheck(file: string): Promise<string | undefined> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--quiet", file],
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (output.success) return undefined;
  const text = new TextDecoder().decode(output.stderr) +
    new TextDecoder().decode(output.stdout);
  const diagnostics = text.split("\nStack backtrace:")[0].trim();
  return diagnostics || `deno check exited with code ${output.code}`;
}
