import { TimeoutError } from "../core/errors.ts";
import type { ResolveWhenOptions } from "../core/destination/device_types.ts";

/**
 * Resolves as soon as `condition()` returns a truthy value, checking it now
 * and then every `interval` milliseconds. A number in place of the options is
 * the interval, as in Segment's runtime (whose wait never ends; this one does).
 *
 * @throws {TimeoutError} When the condition still does not hold after `timeout`.
 * @example
 * ```ts
 * import { resolveWhen } from "@destkit/browser";
 * import assert from "node:assert/strict";
 *
 * const sdk: { ready?: boolean } = {};
 * setTimeout(() => (sdk.ready = true), 5);
 * await resolveWhen(() => sdk.ready, { timeout: 1000, interval: 1 });
 * await assert.rejects(resolveWhen(() => false, { timeout: 5 }), { name: "TimeoutError" });
 * ```
 */
export function resolveWhen(
  condition: () => unknown,
  options: number | ResolveWhenOptions = {},
): Promise<void> {
  const { timeout = 10_000, interval = 25 } = typeof options === "number"
    ? { interval: options }
    : options;
  const deadline = Date.now() + timeout;
  return new Promise((resolve, reject) => {
    function check(): void {
      let done: unknown;
      try {
        done = condition();
      } catch (error) {
        reject(error);
        return;
      }
      if (done) resolve();
      else if (Date.now() >= deadline) {
        reject(
          new TimeoutError(
            `Cannot continue: the condition did not hold within ${timeout} ms`,
          ),
        );
      } else {setTimeout(
          check,
          Math.min(interval, Math.max(0, deadline - Date.now())),
        );}
    }
    check();
  });
}
