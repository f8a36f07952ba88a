import type { SegmentEvent } from "@destkit/core";

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
  return {
    anonymousId: "anonId1234",
    context: {
      ip: "8.8.8.8",
      library: { name: "analytics.js", version: "2.11.1" },
      locale: "en-US",
      location: {
        city: "San Francisco",
        country: "United States",
        latitude: 40.2964197,
        longitude: -76.9411617,
        speed: 0,
      },
      page: {
        path: "/academy/",
        referrer: "",
        search: "",
        title: "Analytics Academy",
        url: "https://segment.com/academy/",
      },
      timezone: "Europe/Amsterdam",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 9_1 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Version/9.0 Mobile/13B143 Safari/601.1",
    },
    event: "Test Event",
    messageId: TEST_MESSAGE_ID,
    properties: {},
    receivedAt: TEST_TIMESTAMP,
    sentAt: TEST_TIMESTAMP,
    timestamp: TEST_TIMESTAMP,
    traits: {},
    type: "track",
    userId: "user1234",
    ...partial,
  };
}
