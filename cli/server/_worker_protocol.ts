import type { AuthTokens, SegmentEvent } from "@destkit/core";

/**
 * What the tester asks of a destination, run in a fresh worker each time. With `segment`,
 * `file` is a compiled Segment destination run through the drop-in (`serve --segment`);
 * `describeSegment` describes every Segment destination in the folder `file`.
 */
export type WorkerJob =
  & (
    | { op: "describe"; file: string }
    | { op: "run"; file: string; input: RunInput }
    | { op: "batch"; file: string; input: BatchInput }
    | { op: "testAuthentication"; file: string; input: SettingsInput }
    | { op: "refreshAccessToken"; file: string; input: SettingsInput }
    | { op: "delete"; file: string; input: DeleteInput }
    | { op: "dynamicFields"; file: string; input: DynamicFieldsInput }
    | { op: "describeSegment"; file: string }
  )
  & { segment?: boolean };

/** Settings and OAuth tokens, shared by every job that calls the partner. */
export interface SettingsInput {
  settings?: Record<string, unknown>;
  auth?: AuthTokens;
  live?: boolean;
}

/** One event through an action (with its mapping), or through the subscriptions. */
export interface RunInput extends SettingsInput {
  action?: string;
  mapping?: Record<string, unknown>;
  event: SegmentEvent;
  /** Without an action: "presets" runs the presets instead of the default subscriptions. */
  subscriptions?: "defaults" | "presets";
}

/** Several events through an action's `performBatch`, or through `onBatch`. */
export interface BatchInput extends Omit<RunInput, "event"> {
  events: SegmentEvent[];
}

/** The user of a deletion request. */
export interface DeleteInput extends SettingsInput {
  event: Pick<SegmentEvent, "userId" | "anonymousId">;
}

/** The choices of one `dynamic` field. */
export interface DynamicFieldsInput extends SettingsInput {
  action: string;
  field: string;
  payload?: Record<string, unknown>;
}

/** A request the destination made, as the page shows it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The worker's answer. */
export type WorkerAnswer =
  | { ok: true; value: unknown; requests: SeenRequest[] }
  | {
    ok: false;
    stage: "load" | "run";
    error: string;
    /** 400 for a request that cannot run, 500 for a failure of the tester. */
    status?: number;
    requests?: SeenRequest[];
  };
