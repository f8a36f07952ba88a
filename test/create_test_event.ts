import type { SegmentEvent } from "@destkit/core";
// Segment's test event (its values, fresh ids and times), which this one fixes.
import { createTestEvent as segmentTestEvent } from "../core/segment/actions_core.ts";

/** The fixed time of test events: deterministic, unlike Segment's `new Date()`. */
export const TEST_TIMESTAMP = "2024-01-01T00:00:00.000Z";
/** The fixed messageId of test events. */
export const TEST_MESSAGE_ID = "test-message-0000-0000-000000000000";

/**
 * Returns a complete track event, the same every time, with `partial`'s keys on top
 * (a shallow merge, as Segment's `createTestEvent`): fixed messageId and timestamps
 * unless given.
 *
 * @example
 * ```ts
 * import { createTestEvent } from "@destkit/test";
 * import assert from "node:assert/strict";
 *
 * const event = createTestEvent({ event: "Order Completed", properties: { total: 9.5 } });
 * assert.equal(event.type, "track");
 * assert.equal(event.messageId, "test-message-0000-0000-000000000000");
 * assert.deepEqual(event.properties, { total: 9.5 });
 * ```
 */
export function createTestEvent(
  partial: Partial<SegmentEvent> & Record<string, unknown> = {},
): SegmentEvent {
  return segmentTestEvent(
    {
      messageId: TEST_MESSAGE_ID,
      receivedAt: TEST_TIMESTAMP,
      sentAt: TEST_TIMESTAMP,
      timestamp: TEST_TIMESTAMP,
      ...partial,
    } as Parameters<typeof segmentTestEvent>[0],
  ) as SegmentEvent;
}
