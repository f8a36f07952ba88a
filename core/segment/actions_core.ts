/**
 * A drop-in for `@segment/actions-core` 3.170.0, on destkit's engine: Segment destinations
 * run unchanged with one import-map line, `"@segment/actions-core": "./core/segment/actions_core.ts"`.
 * The error classes, helpers, `Destination` and types have Segment's names, messages, codes,
 * results and shapes; mapping, payload validation, subscription queries and requests run on
 * destkit's one implementation of each. See `README.md` for what differs.
 *
 * ```ts
 * import { Destination, IntegrationError } from "./actions_core.ts";
 * import assert from "node:assert/strict";
 *
 * const sent: string[] = [];
 * const fetch = (url: string, init: RequestInit) => {
 *   sent.push(`${init.method} ${url} ${init.body}`);
 *   return Promise.resolve(Response.json({ ok: true }));
 * };
 * const destination = new Destination({
 *   name: "Acme",
 *   mode: "cloud",
 *   actions: {
 *     track: {
 *       title: "Track",
 *       description: "Sends an event",
 *       fields: { name: { label: "Name", description: "Event name", type: "string", required: true } },
 *       perform: (request, { payload }) =>
 *         request("https://api.acme.test/track", { method: "post", json: payload }),
 *     },
 *   },
 * }, { fetch });
 * const subscriptions = [{
 *   subscribe: 'type = "track"',
 *   partnerAction: "track",
 *   mapping: { name: { "@path": "$.event" } },
 * }];
 * const results = await destination.onEvent({ type: "track", event: "Signed Up" }, { subscriptions });
 * assert.deepEqual(results, [
 *   { output: "Mappings resolved" },
 *   { output: "Payload validated" },
 *   { data: { ok: true }, output: "Action Executed" },
 * ]);
 * assert.deepEqual(sent, ['POST https://api.acme.test/track {"name":"Signed Up"}']);
 * assert.equal(new IntegrationError("Nope", "NOPE", 400).code, "NOPE");
 * ```
 *
 * @module
 */

export { Destination } from "./_destination.ts";
export type {
  OnEventOptions,
  SegmentDestinationOptions,
} from "./_destination.ts";
export { fieldsToJsonSchema, validateSchema } from "./_schema.ts";
export type { ValidationOptions } from "./_schema.ts";
export { FLAGS, getAuthData, resolveAudienceMembership } from "./_audience.ts";
export type { AuthTokens } from "./_audience.ts";
export { transform } from "./_transform.ts";
export { getFieldValueKeys } from "../mapping/mod.ts";
export {
  getFieldValue,
  isArrayPathDirective,
  isCaseDirective,
  isDirective,
  isExcludeWhenNullDirective,
  isIfDirective,
  isJSONDirective,
  isLiteralDirective,
  isPathDirective,
  isReplaceDirective,
  isTemplateDirective,
} from "./_directives.ts";
export type {
  ArrayPathDirective,
  CaseDirective,
  Directive,
  DirectiveMetadata,
  FieldValue,
  IfDirective,
  JSONDirective,
  LiteralDirective,
  PathDirective,
  PrimitiveValue,
  ReplaceDirective,
  TemplateDirective,
} from "./_directives.ts";
export { createTestEvent, createTestIntegration } from "./_test_integration.ts";
export type { TestActionInput, TestDestination } from "./_test_integration.ts";
export {
  createInstance,
  createRequestClient,
  default as fetch,
  Headers,
  Request,
  Response,
} from "./_client_factories.ts";
export {
  DEFAULT_REQUEST_TIMEOUT,
  HTTPError,
  RequestTimeoutError,
} from "./_request_client.ts";
export type {
  DecoratedResponse,
  ModifiedResponse,
  RequestClient,
  RequestOptions,
} from "./_request_client.ts";
export {
  defaultValues,
  get,
  isArray,
  isObject,
  isString,
  omit,
  realTypeOf,
  removeUndefined,
} from "./_values.ts";
export {
  APIError,
  IntegrationError,
  InvalidAudienceMembershipError,
  InvalidAuthenticationError,
  PayloadValidationError,
  RetryableError,
  SelfTimeoutError,
} from "./_errors.ts";
export {
  CustomErrorCodes,
  ErrorCodes,
  getErrorCodeFromHttpStatus,
  HttpErrorCodes,
} from "./_error_codes.ts";
export { retry } from "./_retry.ts";
export { duration, time } from "./_time.ts";
export {
  ActionDestinationErrorResponse,
  ActionDestinationSuccessResponse,
  MultiStatusResponse,
} from "./_multi_status.ts";
export type {
  Features,
  JSONArray,
  JSONLike,
  JSONLikeObject,
  JSONObject,
  JSONPrimitive,
  JSONValue,
  SegmentEvent,
} from "./_json.ts";
export type {
  ActionDefinition,
  ActionHookResponse,
  AudienceDestinationDefinition,
  AudienceMembership,
  AuthenticationScheme,
  BaseActionDefinition,
  BaseDefinition,
  BasicAuthentication,
  CustomAuthentication,
  DestinationDefinition,
  DynamicFieldError,
  DynamicFieldItem,
  DynamicFieldResponse,
  ExecuteInput,
  GlobalSetting,
  InputField,
  Logger,
  MinimalInputField,
  OAuth2Authentication,
  OAuth2ClientCredentials,
  OAuthManagedAuthentication,
  Preset,
  RefreshAccessTokenResult,
  RequestExtension,
  RequestFn,
  Result,
  StateContext,
  StatsContext,
  Subscription,
  SubscriptionStats,
  SyncModeDefinition,
  WarehouseDestinationDefinition,
} from "./_types.ts";
