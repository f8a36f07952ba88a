/**
 * An event as Segment delivers it to a destination (track, identify, page, ...).
 * Only `type` is common to every event; the rest depends on the call, and any
 * other key is allowed.
 */
export interface SegmentEvent {
  /** `track`, `identify`, `page`, `screen`, `group`, `alias` or `delete`. */
  type?: string;
  event?: string;
  name?: string;
  messageId?: string;
  userId?: string | null;
  anonymousId?: string | null;
  groupId?: string | null;
  previousId?: string | null;
  timestamp?: string;
  sentAt?: string;
  receivedAt?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  integrations?: Record<string, unknown>;
  [key: string]: unknown;
}
