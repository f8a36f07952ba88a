// The test-only oracle for subscriptions: Segment's @segment/destination-subscriptions 3.37.0,
// loaded as CommonJS, shared by the differential tests of core/fql and of the drop-in.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The functions of @segment/destination-subscriptions the tests compare with. */
export const subscriptionsOracle = require(
  "@segment/destination-subscriptions",
) as {
  parseFql(query: string): { error?: Error };
  validate(subscription: unknown, event: unknown): boolean;
  generateFql(subscription: unknown): string;
};
