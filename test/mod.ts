/**
 * `@destkit/test`: test destinations without the network. `createTestIntegration`
 * runs actions with HTTP answered by declared expectations (`intercept(origin)
 * .post(path, body).reply(status, body)`), `createTestEvent` builds deterministic
 * events, `generateTestData` and `fieldsArbitrary` derive payloads from field
 * definitions, and `assertSnapshot`/`assertActionSnapshot` keep snapshots beside
 * the tests.
 *
 * ```ts
 * import { createTestIntegration } from "@destkit/test";
 * import { defineDestination } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const integration = createTestIntegration(defineDestination({
 *   name: "Acme",
 *   mode: "cloud",
 *   actions: {
 *     ping: {
 *       title: "Ping",
 *       fields: {},
 *       perform: (request) => request("https://api.example.com/ping", { method: "post" }),
 *     },
 *   },
 * }));
 * integration.intercept("https://api.example.com").post("/ping").reply(204);
 * const result = await integration.testAction("ping");
 * assert.equal(result.status, "delivered");
 * assert.equal(result.requests.length, 1);
 * ```
 *
 * @module
 */
export { assertActionSnapshot } from "./assert_action_snapshot.ts";
export type { AssertActionSnapshotOptions } from "./assert_action_snapshot.ts";
export { assertSnapshot } from "./assert_snapshot.ts";
export type { AssertSnapshotOptions } from "./assert_snapshot.ts";
export {
  createTestEvent,
  TEST_MESSAGE_ID,
  TEST_TIMESTAMP,
} from "./create_test_event.ts";
export {
  createTestIntegration,
  TestIntegration,
} from "./create_test_integration.ts";
export type {
  TestActionInput,
  TestActionResult,
  TestBatchActionInput,
  TestBatchResult,
  TestCallOptions,
} from "./create_test_integration.ts";
export { fieldsArbitrary } from "./fields_arbitrary.ts";
export type { FieldsArbitraryOptions } from "./fields_arbitrary.ts";
export { generateTestData } from "./generate_test_data.ts";
export type {
  GenerateTestDataOptions,
  TestData,
} from "./generate_test_data.ts";
export {
  createInterceptor,
  Expectation,
  Interceptor,
  Scope,
  UnexpectedRequestError,
} from "./interceptor.ts";
export type { BodyMatcher, Matcher, ReplyValue } from "./_expectation.ts";
