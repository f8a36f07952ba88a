import type { WorkerAnswer, WorkerJob } from "./_worker_protocol.ts";

const WORKER = new URL("./_destination_worker.ts", import.meta.url);

/**
 * Runs `job` in a new worker, which imports the destination afresh, and ends
 * the worker when it answers, throws, or runs past `timeoutMs`.
 */
export function runInWorker(
  job: WorkerJob,
  timeoutMs: number,
): Promise<WorkerAnswer> {
  const worker = new Worker(WORKER, { type: "module" });
  return new Promise<WorkerAnswer>((resolve) => {
    const timer = setTimeout(() => {
      finish({
        ok: false,
        stage: "run",
        error: `Cannot finish the run: it took longer than ${
          timeoutMs / 1000
        } s and was stopped`,
      });
    }, timeoutMs);
    function finish(answer: WorkerAnswer): void {
      clearTimeout(timer);
      worker.terminate();
      resolve(answer);
    }
    worker.onmessage = (event: MessageEvent<string>) => {
      finish(JSON.parse(event.data));
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      finish({ ok: false, stage: "load", error: event.message });
    };
    worker.postMessage(job);
  });
}
