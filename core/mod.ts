/**
 * `@destkit/core`: define Actions-based destinations and run them. Fields are
 * typed from their definitions (no codegen), mappings and subscription queries
 * behave exactly like Segment's, and every event gets a typed result.
 *
 * ```ts
 * import { createDestination, defineDestination, transform } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * // Mappings mean what they mean in Segment.
 * const mapping = { email: { "@path": "$.traits.email" } };
 * assert.deepEqual(transform(mapping, { traits: { email: "a@b.co" } }), { email: "a@b.co" });
 *
 * // A destination; payload is typed { email: string } from its fields.
 * const sent: unknown[] = [];
 * const acme = defineDestination({
 *   name: "Acme",
 *   mode: "cloud",
 *   actions: {
 *     identify: {
 *       title: "Identify",
 *       defaultSubscription: 'type = "identify"',
 *       fields: { email: { label: "Email", type: "string", required: true, default: { "@path": "$.traits.email" } } },
 *       perform: (request, { payload }) =>
 *         request("https://api.acme.test/identify", { method: "post", json: { email: payload.email } }),
 *     },
 *   },
 * });
 * const fetch = (url: string, init: RequestInit) => {
 *   sent.push([url, init.body]);
 *   return Promise.resolve(new Response("{}", { headers: { "content-type": "application/json" } }));
 * };
 * const destination = createDestination(acme, { fetch });
 * const [result] = await destination.onEvent(
 *   { type: "identify", traits: { email: "a@b.co" } },
 *   { subscriptions: [{ subscribe: 'type = "identify"', partnerAction: "identify", mapping }] },
 * );
 * assert.equal(result.status, "delivered");
 * assert.deepEqual(sent, [["https://api.acme.test/identify", '{"email":"a@b.co"}']]);
 * ```
 *
 * @module
 */

// errors
export {
  AbortError,
  APIError,
  ErrorCodes,
  HTTPError,
  IntegrationError,
  InvalidAuthenticationError,
  InvalidSettingsError,
  NetworkError,
  PayloadValidationError,
  ResponseTooLargeError,
  RetryableError,
  TimeoutError,
} from "./errors.ts";
export type {
  ErrorCode,
  FieldIssue,
  IntegrationErrorOptions,
} from "./errors.ts";

// fields
export { defineFields, validatePayload } from "./fields/mod.ts";
export type {
  FieldChoice,
  FieldCondition,
  FieldConditions,
  FieldFormat,
  FieldType,
  InferField,
  InferFields,
  InputField,
  InputFields,
  StandardSchemaV1,
  ValidationResult,
  ValidationWarning,
} from "./fields/mod.ts";

// mapping
export {
  compileMapping,
  MappingBudgetError,
  MappingDepthError,
  MappingResolveError,
  MappingValueError,
  transform,
  transformBatch,
  validateMapping,
  ValidationError,
} from "./mapping/mod.ts";
export type {
  CompiledMapping,
  CompileMappingOptions,
  ValidateMappingOptions,
} from "./mapping/mod.ts";

// subscriptions
export {
  compileFql,
  FqlSyntaxError,
  matchesFql,
  parseFql,
  printFql,
} from "./fql/mod.ts";
export type {
  FqlAnd,
  FqlComparison,
  FqlFunctionCall,
  FqlMatcher,
  FqlNode,
  FqlNot,
  FqlOperator,
  FqlOr,
  FqlValue,
} from "./fql/mod.ts";

// request
export { createRequestClient, ModifiedResponse } from "./request/mod.ts";
export type {
  FetchFunction,
  RequestClient,
  RequestHeaders,
  RequestOptions,
  ResponseInfo,
  RetryDelayOptions,
  RetryOptions,
  SearchParams,
} from "./request/mod.ts";

// destinations
export {
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  createDestination,
  defineAction,
  defineDestination,
  Destination,
  MultiStatusResponse,
} from "./destination/mod.ts";
export type {
  ActionDefinition,
  AuthenticationInput,
  AuthenticationResult,
  AuthenticationScheme,
  AuthTokens,
  BasicAuthentication,
  BatchError,
  BatchItemResponse,
  BatchSuccess,
  BrowserAnalytics,
  BrowserContext,
  BrowserEvent,
  BrowserLogLevel,
  BundleBudget,
  CallOptions,
  CompletionInfo,
  CustomAuthentication,
  DefineActionFor,
  DeletionPayload,
  DestinationDefinition,
  DestinationOptions,
  DeviceActionDefinition,
  DeviceActionInput,
  DeviceDependencies,
  DeviceDestinationDefinition,
  DynamicFieldResponse,
  EventResult,
  EventStatus,
  ExecuteActionInput,
  ExecuteBatchInput,
  ExecuteInput,
  ExtendRequestInput,
  InitializeInput,
  LoadScriptOptions,
  Logger,
  MappingBudgets,
  OAuth2Authentication,
  Preset,
  RecordedRequest,
  RecordedResponse,
  RefreshAccessTokenResult,
  ResolveWhenOptions,
  ResultError,
  SegmentEvent,
  SettingsFor,
  SettingsOf,
  SettingsWithSubscriptions,
  StageTimings,
  Subscription,
} from "./destination/mod.ts";
