import { ANSWER_MARK } from "./_destination_process.ts";
import type { WorkerAnswer, WorkerJob } from "./_worker_protocol.ts";

const SCRIPT = new URL("./_destination_process.ts", import.meta.url).pathname;

/** Options of {@linkcode runInProcess}. */
export interface RunInProcessOptions {
  /** How long the job may run, in milliseconds. */
  timeoutMs: number;
  /** Lets the destination reach the network (`--live`). */
  live: boolean;
  /** The heap the job may use, in megabytes. @default {512} */
  maxHeapMb?: number;
}

/**
 * Runs `job` in a new Deno process, which imports the destination afresh,
 * may read files but reaches the network only when `live`, and is killed when
 * it runs past `timeoutMs`. The process's own output comes back as `logs`.
 */
export async function runInProcess(
  job: WorkerJob,
  options: RunInProcessOptions,
): Promise<WorkerAnswer & { logs?: string }> {
  const { timeoutMs, live, maxHeapMb = 512 } = options;
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--no-prompt",
      "--allow-read",
      "--allow-env",
      "--allow-sys",
      ...(live ? ["--allow-net"] : []),
      `--v8-flags=--max-old-space-size=${maxHeapMb}`,
      SCRIPT,
    ],
    env: { NO_COLOR: "1" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(job)));
  await writer.close();
  const output = await child.output();
  clearTimeout(timer);
  const stdout = new TextDecoder().decode(output.stdout);
  const stderr = new TextDecoder().decode(output.stderr);
  const at = stdout.lastIndexOf(ANSWER_MARK);
  const logs = (at === -1 ? stdout : stdout.slice(0, at)).trim() +
    (stderr.trim() === "" ? "" : `\n${stderr.trim()}`);
  if (timedOut) {
    return {
      ok: false,
      stage: "run",
      status: 504,
      error: `Cannot finish the run: it took longer than ${
        timeoutMs / 1000
      } s and was stopped`,
    };
  }
  if (at === -1) {
    const cause = `${stderr}\n${stdout}`.split("\n")
      .find((line) => /error/i.test(line))?.replace(/^[#\s]+/, "").trim();
    return {
      ok: false,
      stage: "run",
      status: 500,
      error:
        `Cannot finish the run: its process ended with code ${output.code}${
          cause === undefined ? "" : ` (${cause})`
        }`,
    };
  }
  const answer = JSON.parse(stdout.slice(at + ANSWER_MARK.length));
  return logs.trim() === "" ? answer : { ...answer, logs: logs.trim() };
}
