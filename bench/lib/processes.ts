/**
 * Process layout: the sink on CPU 1, every client process on CPU 0, through
 * `taskset` when it exists and the machine has two CPUs or more.
 *
 * @module
 */

/** Whether processes can be pinned to CPUs 0 and 1. */
export async function canPin(): Promise<boolean> {
  if (Deno.build.os !== "linux" || navigator.hardwareConcurrency < 2) {
    return false;
  }
  try {
    const { success } = await new Deno.Command("taskset", {
      args: ["-c", "1", "true"],
      stdout: "null",
      stderr: "null",
    })
      .output();
    return success;
  } catch {
    return false;
  }
}

/** Returns the command and arguments running `deno run --allow-all script ...args`, pinned to `cpu` when `pin`. */
export function denoCommand(
  script: string,
  args: readonly string[],
  options: { cpu: number; pin: boolean },
): [string, string[]] {
  const deno = [Deno.execPath(), "run", "--allow-all", script, ...args];
  return options.pin
    ? ["taskset", ["-c", String(options.cpu), ...deno]]
    : [deno[0], deno.slice(1)];
}

/** A sink process started by {@linkcode startSink}. */
export interface SinkProcess {
  /** Its base URL, such as `http://127.0.0.1:40123`. */
  endpoint: string;
  /** Its process id. */
  pid: number;
  /** Stops it and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options for {@linkcode startSink}. */
export interface StartSinkOptions {
  /** Pin it to CPU 1. @default {false} */
  pin?: boolean;
  /** Port to bind; 0 picks a free one. @default {0} */
  port?: number;
  /** It exits by itself after this many seconds. @default {900} */
  maxSeconds?: number;
}

/** Starts `bench/sink.ts` as a separate process on 127.0.0.1 and waits until it listens. */
export async function startSink(
  options: StartSinkOptions = {},
): Promise<SinkProcess> {
  const { pin = false, port = 0, maxSeconds = 900 } = options;
  const script = new URL("../sink.ts", import.meta.url).pathname;
  const [command, args] = denoCommand(script, [
    "--port",
    String(port),
    "--max-seconds",
    String(maxSeconds),
  ], {
    cpu: 1,
    pin,
  });
  const child = new Deno.Command(command, {
    args,
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  const deadline = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    while (!text.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) {
        throw new Error(
          `Cannot start the sink: it exited before listening (${text.trim()})`,
        );
      }
      text += value;
    }
  } finally {
    clearTimeout(deadline);
  }
  const { port: bound } = JSON.parse(text.slice(0, text.indexOf("\n"))) as {
    port: number;
  };
  // keep draining its stdout so it never blocks on a full pipe
  const drained = (async () => {
    while (!(await reader.read()).done) { /* discard */ }
  })();
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    pid: child.pid,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch {
        // it already exited
      }
      await child.status;
      await drained;
    },
  };
}

/** Runs a client script pinned to CPU 0 (when `pin`) and returns its JSON output file's content. */
export async function runClient<T>(
  script: string,
  args: readonly string[],
  options: { pin: boolean; timeoutMs: number },
): Promise<T> {
  const out = await Deno.makeTempFile({
    prefix: "destkit-bench-",
    suffix: ".json",
  });
  try {
    const path = new URL(`../${script}`, import.meta.url).pathname;
    const [command, commandArgs] = denoCommand(path, [...args, "--out", out], {
      cpu: 0,
      pin: options.pin,
    });
    const child = new Deno.Command(command, {
      args: commandArgs,
      stdin: "null",
      stdout: "inherit",
      stderr: "inherit",
    })
      .spawn();
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    const status = await child.status;
    clearTimeout(timer);
    if (!status.success) {
      throw new Error(
        `Cannot run ${script} ${
          args.join(" ")
        }: it exited with code ${status.code}`,
      );
    }
    return JSON.parse(await Deno.readTextFile(out)) as T;
  } finally {
    await Deno.remove(out).catch(() => {});
  }
}
