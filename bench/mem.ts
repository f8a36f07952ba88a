/**
 * The memory measure, one process per run (pinned to CPU 0 by `main.ts`):
 * streams lazily generated events (none kept) at concurrency 32 through one
 * implementation's `onEvent` with the real `perform`, or through the
 * hand-written sender, and reports the peak resident set size.
 *
 * `deno run --allow-all bench/mem.ts --impl destkit|reference|baseline
 *  --endpoint URL [--events 100000] [--concurrency 32] [--max-ms 120000] --out FILE`
 *
 * @module
 */
import { createBaselineSender } from "./adapters/baseline.ts";
import { createDefinition } from "./scenario/definition.ts";
import { type BenchEvent, eventStream } from "./scenario/events.ts";
import { parseFlags } from "./lib/flags.ts";
import { loadImplementation } from "./lib/implementations.ts";
import { assertSinkSaw, readSink, resetSink } from "./lib/sink_client.ts";

/** What one memory run writes. */
export interface MemoryResult {
  implementation: string;
  /** Events streamed (fewer than asked when the time cap stopped the run). */
  events: number;
  /** Whether the time cap stopped the run early. */
  capped: boolean;
  concurrency: number;
  ms: number;
  perSec: number;
  /** Peak RSS of the process: `VmHWM` from /proc/self/status, else the largest sample. */
  peakRssBytes: number;
  /** Where the peak came from. */
  peakSource: "VmHWM" | "sampled";
  /** RSS before the first event, in bytes. */
  startRssBytes: number;
  /** RSS sampled every tenth of the run, in bytes: flat memory shows as a flat line. */
  rssSamples: number[];
}

async function peakRss(
  sampledMax: number,
): Promise<{ bytes: number; source: "VmHWM" | "sampled" }> {
  try {
    const status = await Deno.readTextFile("/proc/self/status");
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
    if (match) return { bytes: Number(match[1]) * 1024, source: "VmHWM" };
  } catch {
    // not Linux: fall back to the samples
  }
  return { bytes: sampledMax, source: "sampled" };
}

async function createSender(
  impl: string,
  endpoint: string,
): Promise<(event: BenchEvent) => Promise<unknown>> {
  if (impl === "baseline") return createBaselineSender(endpoint).sendEvent;
  const destination = (await loadImplementation(impl)).createDestination(
    createDefinition({ endpoint }),
  );
  return async (event) =>
    destination.assertDelivered(await destination.onEvent(event), 1);
}

async function main(): Promise<void> {
  const flags = parseFlags(Deno.args);
  const { impl, endpoint, out, events = "100000", concurrency = "32" } = flags;
  const maxMs = flags["max-ms"] ?? "120000";
  if (!impl || !endpoint || !out) {
    throw new TypeError(
      "Cannot run mem.ts: --impl, --endpoint and --out are required",
    );
  }
  const total = Number(events);
  const workers = Number(concurrency);
  const send = await createSender(impl, endpoint);
  await resetSink(endpoint);

  const stream = eventStream(total);
  const every = Math.max(1, Math.floor(total / 10));
  const startRssBytes = Deno.memoryUsage().rss;
  const rssSamples: number[] = [];
  let sampledMax = startRssBytes;
  let done = 0;
  let end = Infinity;
  async function worker(): Promise<void> {
    for (
      let next = stream.next();
      !next.done && performance.now() < end;
      next = stream.next()
    ) {
      await send(next.value);
      if (++done % every === 0) {
        const rss = Deno.memoryUsage().rss;
        rssSamples.push(rss);
        if (rss > sampledMax) sampledMax = rss;
      }
    }
  }
  const start = performance.now();
  end = start + Number(maxMs);
  await Promise.all(Array.from({ length: workers }, worker));
  const ms = performance.now() - start;
  const peak = await peakRss(sampledMax);
  assertSinkSaw(await readSink(endpoint), done, `memory (${impl})`);
  const result: MemoryResult = {
    implementation: impl,
    events: done,
    capped: done < total,
    concurrency: workers,
    ms,
    perSec: (done * 1000) / ms,
    peakRssBytes: peak.bytes,
    peakSource: peak.source,
    startRssBytes,
    rssSamples,
  };
  await Deno.writeTextFile(out, JSON.stringify(result));
}

if (import.meta.main) await main();
