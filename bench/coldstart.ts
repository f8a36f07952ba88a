/**
 * One cold start, run as its own process and timed from outside by `main.ts`:
 * load the implementation, build the destination, deliver event 0 to the sink
 * (the sink answered), write the in-process time and exit. `--impl empty`
 * loads nothing (the runtime's own start).
 *
 * `deno run --allow-all bench/coldstart.ts --impl destkit|reference|baseline|empty --endpoint URL --out FILE`
 *
 * @module
 */
import { parseFlags } from "./lib/flags.ts";

/** What one cold start writes. */
export interface ColdStartResult {
  implementation: string;
  /** `performance.now()` when the first event was delivered: ms since the runtime's time origin. */
  firstEventMs: number;
}

async function deliverFirstEvent(
  impl: string,
  endpoint: string,
): Promise<void> {
  if (impl === "empty") return;
  const { makeEvent } = await import("./scenario/events.ts");
  const event = makeEvent(0);
  if (impl === "baseline") {
    const { createBaselineSender } = await import("./adapters/baseline.ts");
    await createBaselineSender(endpoint).sendEvent(event);
    return;
  }
  const { loadImplementation } = await import("./lib/implementations.ts");
  const { createDefinition } = await import("./scenario/definition.ts");
  const destination = (await loadImplementation(impl)).createDestination(
    createDefinition({ endpoint }),
  );
  destination.assertDelivered(await destination.onEvent(event), 1);
}

async function main(): Promise<void> {
  const { impl, endpoint = "", out } = parseFlags(Deno.args);
  if (!impl || !out) {
    throw new TypeError(
      "Cannot run coldstart.ts: --impl and --out are required",
    );
  }
  await deliverFirstEvent(impl, endpoint);
  const result: ColdStartResult = {
    implementation: impl,
    firstEventMs: performance.now(),
  };
  await Deno.writeTextFile(out, JSON.stringify(result));
  Deno.exit(0);
}

if (import.meta.main) await main();
