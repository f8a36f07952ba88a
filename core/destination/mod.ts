/**
 * Destinations: define them (`defineDestination`, `defineAction`) and run them
 * (`createDestination`): subscriptions matched, mappings resolved, payloads
 * validated, `perform`/`performBatch` called with a request client, and one typed
 * result per event.
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
