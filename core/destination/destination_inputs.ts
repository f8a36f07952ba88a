import type { AuthTokens, Subscription } from "./types.ts";

/** The input of {@linkcode Destination.executeAction}. */
export interface ExecuteActionInput<S> {
  /** The event to map, such as a {@linkcode SegmentEvent}. */
  event: object;
  /** The mapping. @default {the action's field defaults} */
  mapping?: Readonly<Record<string, unknown>>;
  /** The destination settings. @default {{}} */
  settings?: S;
  /** OAuth tokens. @default {settings.oauth} */
  auth?: AuthTokens;
}

/** The input of {@linkcode Destination.executeBatch}. */
export interface ExecuteBatchInput<S>
  extends Omit<ExecuteActionInput<S>, "event"> {
  /** The events to map, in order. */
  events: readonly object[];
}

/** Settings as a host passes them: destination settings plus subscriptions and OAuth tokens. */
export type SettingsWithSubscriptions<S> = S & {
  /** The subscriptions events are matched against. */
  subscriptions?: readonly Subscription[];
  /** A single subscription (used instead of `subscriptions` when given). */
  subscription?: Subscription;
  /** OAuth tokens in Segment's form (`access_token`, `refresh_token`, ...). */
  oauth?: Record<string, unknown>;
};
