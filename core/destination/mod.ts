/**
 * Destinations: define them (`defineDestination`, `defineAction`) and run them
 * (`createDestination`): subscriptions matched, mappings resolved, payloads
 * validated, `perform`/`performBatch` called with a request client, and one typed
 * result per event. `README.md` beside this file walks the flow file by file.
 *
 * @example
 * ```ts
 * import { createDestination, defineDestination } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const sent: string[] = [];
 * function fetch(url: string, init: RequestInit): Promise<Response> {
 *   sent.push(`${init.method} ${url} ${init.body}`);
 *   return Promise.resolve(Response.json({ ok: true }));
 * }
 * const acme = defineDestination({
 *   name: "Acme",
 *   mode: "cloud",
 *   authentication: {
 *     scheme: "custom",
 *     fields: { apiKey: { label: "API key", type: "string", required: true } },
 *   },
 *   extendRequest: ({ settings }) => ({
 *     headers: { authorization: `Bearer ${settings.apiKey}` },
 *   }),
 *   actions: {
 *     track: {
 *       title: "Track",
 *       description: "Sends an event",
 *       fields: {
 *         name: { label: "Name", type: "string", required: true },
 *       },
 *       perform: (request, { payload }) =>
 *         request("https://api.acme.test/track", {
 *           method: "POST",
 *           json: { name: payload.name },
 *         }),
 *     },
 *   },
 * });
 * const destination = createDestination(acme, { fetch });
 * const subscription = {
 *   subscribe: 'type = "track"',
 *   partnerAction: "track",
 *   mapping: { name: { "@path": "$.event" } },
 * };
 * const settings = { apiKey: "sk_1", subscriptions: [subscription] };
 *
 * const [delivered] = await destination.onEvent(
 *   { type: "track", event: "Signed Up" },
 *   settings,
 * );
 * assert.equal(delivered.status, "delivered");
 * assert.deepEqual(sent, [
 *   'POST https://api.acme.test/track {"name":"Signed Up"}',
 * ]);
 *
 * const [invalid] = await destination.onEvent({ type: "track" }, settings);
 * assert.equal(invalid.status, "invalid");
 * assert.equal(invalid.error?.code, "PAYLOAD_VALIDATION_FAILED");
 * ```
 *
 * @module
 */
export { createDestination } from "./create_destination.ts";
export type { SettingsFor } from "./create_destination.ts";
export { defineAction } from "./define_action.ts";
export type { DefineActionFor } from "./define_action.ts";
export { defineDestination } from "./define_destination.ts";
export { Destination } from "./destination.ts";
export type {
  ExecuteActionInput,
  ExecuteBatchInput,
  SettingsWithSubscriptions,
} from "./destination_inputs.ts";
export type {
  CallOptions,
  CompletionInfo,
  DestinationOptions,
  MappingBudgets,
  StageTimings,
} from "./destination_options.ts";
export type {
  BrowserAnalytics,
  BrowserContext,
  BrowserEvent,
  BrowserLogLevel,
  BundleBudget,
  DeviceActionDefinition,
  DeviceActionInput,
  DeviceDependencies,
  DeviceDestinationDefinition,
  InitializeInput,
  LoadScriptOptions,
  ResolveWhenOptions,
} from "./device_types.ts";
export {
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  MultiStatusResponse,
} from "./multi_status_response.ts";
export type {
  BatchError,
  BatchItemResponse,
  BatchSuccess,
} from "./multi_status_response.ts";
export type {
  AuthenticationResult,
  EventResult,
  EventStatus,
  RecordedRequest,
  RecordedResponse,
  ResultError,
} from "./result.ts";
export { findSecrets } from "./find_secrets.ts";
export { redactRecordedRequest } from "./redact_recorded_request.ts";
export type { SegmentEvent } from "./segment_event.ts";
export type {
  ActionDefinition,
  AuthenticationInput,
  AuthenticationScheme,
  AuthTokens,
  BasicAuthentication,
  CustomAuthentication,
  DeletionPayload,
  DestinationDefinition,
  DynamicFieldResponse,
  ExecuteInput,
  ExtendRequestInput,
  Logger,
  OAuth2Authentication,
  Preset,
  RefreshAccessTokenResult,
  SettingsOf,
  Subscription,
} from "./types.ts";
