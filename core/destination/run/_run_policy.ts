// How the one executor runs for its callers: the native runtime, or Segment's drop-in.
import type { RequestClient } from "../../request/mod.ts";
import type { CompiledDestination } from "../compile/_compile_definition.ts";
import type { ExecuteInput } from "../types.ts";
import type { RunContext } from "./_context.ts";

/** How `perform` is called when the caller brings its own request mode (Segment's drop-in). */
export interface PerformMode {
  /** The input `perform` receives for a validated payload of `event`. */
  input(payload: unknown, event: unknown): ExecuteInput<unknown, unknown>;
  /** The input `performBatch` receives for the valid payloads, found at `indices` of the batch. */
  batchInput(
    payloads: unknown[],
    indices: readonly number[],
  ): ExecuteInput<unknown, unknown>;
  /** The request client for that input (the caller's client factory). */
  client(input: ExecuteInput<unknown, unknown>): RequestClient;
  /** What the result shows as `output` for what `perform` resolved to (a batch's result shows what `performBatch` returned, as is). */
  output(value: unknown): unknown;
}

/** The executor's choices that differ between callers. */
export interface RunPolicy {
  /**
   * Whether an error a step throws (the mapping's own included) is thrown on, as
   * Segment's runtime rejects, rather than made a failed result.
   */
  rethrow: boolean;
  /** How `perform` is called; undefined: core's request client and `ExecuteInput`. */
  perform?: PerformMode;
}

/** The native runtime's policy: every outcome is a result, requests go through core's client. */
export const NATIVE_POLICY: RunPolicy = Object.freeze({ rethrow: false });

const NOTHING = Object.freeze({});

/**
 * Returns the context of one run for a caller that keeps its own call options (Segment's
 * drop-in): no logger, recording, timings or secrets of core's, only `policy`.
 */
export function policyContext(
  destination: string,
  settings: unknown,
  policy: RunPolicy,
): RunContext {
  const compiled: CompiledDestination = {
    name: destination,
    actions: new Map(),
    oauth: false,
    secretFields: [],
    presets: [],
  };
  return {
    destination: compiled,
    settings: settings as Record<string, unknown>,
    auth: undefined,
    secrets: [],
    logger: undefined,
    signal: undefined,
    record: false,
    onComplete: undefined,
    batchConcurrency: 1,
    head: NOTHING,
    tail: NOTHING,
    settingsKey: undefined,
    options: undefined,
    policy,
  };
}
