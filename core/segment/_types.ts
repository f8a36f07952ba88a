// The definition and input types of Segment's actions-core, so Segment TypeScript source
// type-checks against the drop-in. Shapes follow Segment's public API.
// deno-lint-ignore-file no-explicit-any
import type { FieldType } from "../fields/mod.ts";
import type { AuthTokens } from "./_audience.ts";
import type { FieldValue } from "./_directives.ts";
import type { Features, ID, JSONLikeObject, JSONObject } from "./_json.ts";
import type {
  ActionDestinationErrorResponseType,
  ActionDestinationSuccessResponseType,
  MultiStatusResponse,
} from "./_multi_status.ts";
import type {
  DecoratedResponse,
  RequestClient,
  RequestOptions,
} from "./_request_client.ts";

/** A value or its promise. */
export type MaybePromise<T> = T | Promise<T>;

/** What `onEvent` and friends resolve to, one entry per step. */
export interface Result {
  output?: JSONObject | string | null | undefined;
  error?: JSONObject | null;
  data?: JSONObject | null;
  multistatus?: ResultMultiStatusNode[];
}

/** One item of a batch's result. */
export type ResultMultiStatusNode =
  | ActionDestinationSuccessResponseType
  | (ActionDestinationErrorResponseType & { errorreporter: string });

/** The type names of input fields: the kinds destkit's definition format knows. */
export type FieldTypeName = FieldType;

/** The sync modes an action may offer. */
export type SyncMode = "add" | "update" | "upsert" | "delete" | "mirror";

/** A condition on another field's value. */
export interface FieldCondition {
  fieldKey: string;
  type?: "field";
  operator: "is" | "is_not";
  value: unknown;
}
/** A condition on the sync mode. */
export interface SyncModeCondition {
  type: "syncMode";
  operator: "is" | "is_not";
  value: SyncMode;
}
/** Any condition. */
export type Condition = FieldCondition | SyncModeCondition;
/** Conditions for `required` and `depends_on`. */
export interface DependsOnConditions {
  match?: "any" | "all";
  conditions: Condition[];
}

/** A field definition as Segment writes it. */
export interface InputField {
  label: string;
  description: string;
  type: FieldTypeName;
  allowNull?: boolean;
  multiple?: boolean;
  additionalProperties?: boolean;
  default?: FieldValue;
  choices?: Array<string> | Array<{ value: string | number; label: string }>;
  required?: boolean | DependsOnConditions;
  properties?: Record<
    string,
    Omit<InputField, "description"> & { description?: string }
  >;
  format?:
    | "date"
    | "time"
    | "date-time"
    | "uri"
    | "uri-reference"
    | "uri-template"
    | "email"
    | "hostname"
    | "ipv4"
    | "ipv6"
    | "regex"
    | "uuid"
    | "password"
    | "text";
  placeholder?: string;
  dynamic?: boolean;
  defaultObjectUI?:
    | "keyvalue"
    | "object"
    | "keyvalue:only"
    | "object:only"
    | "arrayeditor";
  unsafe_hidden?: boolean;
  readOnly?: boolean;
  depends_on?: DependsOnConditions;
  category?:
    | "identifier"
    | "data"
    | "internal"
    | "config"
    | "sync"
    | "hashedPII";
  displayMode?: "expanded" | "normal" | "collapsed";
  disabledInputMethods?: Array<
    "literal" | "variable" | "function" | "enrichment" | "freeform"
  >;
  minimum?: number;
  maximum?: number;
}

/** The part of a field `fieldsToJsonSchema` reads. */
export type MinimalInputField = Omit<InputField, "description"> & {
  description?: string;
};

/** A destination setting (an authentication field or an audience field). */
export interface GlobalSetting extends
  Omit<
    InputField,
    | "additionalProperties"
    | "defaultObjectUI"
    | "dynamic"
    | "type"
    | "choices"
    | "default"
  > {
  type: "boolean" | "string" | "password" | "number";
  choices?: Array<{ value: string | number; label: string }>;
  default?: string | number | boolean;
  dynamic?: RequestFn<
    Record<string, boolean | string | number>,
    Record<PropertyKey, never>
  >;
}

/** A choice of a dynamic field. */
export interface DynamicFieldItem {
  label: string;
  value: string;
  description?: string;
  type?: FieldTypeName;
}
/** A dynamic field's failure. */
export interface DynamicFieldError {
  code: string;
  message: string;
}
/** What a dynamic field returns. */
export interface DynamicFieldResponse {
  choices: DynamicFieldItem[];
  nextPage?: string;
  error?: DynamicFieldError;
}
/** Where in a field a dynamic call was made. */
export interface DynamicFieldContext {
  selectedArrayIndex?: number;
  selectedKey?: string;
  query?: string;
}

/** How an action offers sync modes. */
export interface SyncModeDefinition {
  default: SyncMode;
  label: string;
  description: string;
  choices: Array<{ label: string; value: SyncMode }>;
}

/** Whether an event adds or removes a profile from an audience. */
export type AudienceMembership = boolean | undefined;

/** The stats sink Segment's platform passes; destkit passes none. */
export interface StatsClient {
  observe: (metric: any) => any;
  _name(name: string): string;
  _tags(tags?: string[]): string[];
  incr(name: string, value?: number, tags?: string[]): void;
  set(name: string, value: number, tags?: string[]): void;
  histogram(name: string, value?: number, tags?: string[]): void;
}
/** Stats client and tags. */
export interface StatsContext {
  statsClient: StatsClient;
  tags: string[];
}
/** A logger as Segment's platform passes it. */
export interface Logger {
  level: string;
  name: string;
  debug(...message: string[]): void;
  info(...message: string[]): void;
  warn(...message: string[]): void;
  error(...message: string[]): void;
  crit(...message: string[]): void;
  log(...message: string[]): void;
  withTags(extraTags: any): void;
}
/** Values shared across the actions of one transaction. */
export interface TransactionContext {
  transaction: Record<string, string>;
  setTransaction: (key: string, value: string) => void;
}
/** Request-scoped state kept by Segment's platform. */
export interface StateContext {
  getRequestContext(key: string, cb?: (res?: string) => any): any;
  setResponseContext(
    key: string,
    value: string,
    ttl: { hour?: number; minute?: number; second?: number },
  ): void;
}
/** A key-value cache Engage destinations use. */
export interface EngageDestinationCache {
  getByKey: (key: string) => Promise<string | null>;
  readonly maxExpirySeconds: number;
  readonly maxValueSizeBytes: number;
  setByKey: (
    key: string,
    value: string,
    expiryInSeconds?: number,
  ) => Promise<boolean>;
  setByKeyNX: (
    key: string,
    value: string,
    expiryInSeconds?: number,
  ) => Promise<boolean>;
  delByKey: (key: string) => Promise<number>;
}
/** The Engage audience an event comes from. */
export type Personas = {
  computation_id: string;
  computation_key: string;
  namespace: string;
  [key: string]: unknown;
};
/** Which configuration a subscription belongs to. */
export type SubscriptionMetadata = {
  actionConfigId?: string;
  destinationConfigId?: string;
  actionId?: string;
  sourceId?: string;
};

/** The hooks an action may define. */
export const hookTypeStrings = ["onMappingSave", "retlOnMappingSave"] as const;
/** One of {@linkcode hookTypeStrings}. */
export type ActionHookType = (typeof hookTypeStrings)[number];

/** What `perform`, `performBatch`, hooks and dynamic fields receive. */
export interface ExecuteInput<
  Settings,
  Payload,
  AudienceSettings = unknown,
  ActionHookInputs = any,
  ActionHookOutputs = any,
  AudienceMembershipType = AudienceMembership | AudienceMembership[],
> {
  readonly mapping?: JSONObject;
  readonly settings: Settings;
  readonly audienceSettings?: AudienceSettings;
  payload: Payload;
  audienceMembership?: AudienceMembershipType;
  hookInputs?: ActionHookInputs;
  hookOutputs?: Partial<Record<ActionHookType, ActionHookOutputs>>;
  dynamicFieldContext?: DynamicFieldContext;
  page?: string;
  syncMode?: SyncMode;
  matchingKey?: string;
  readonly auth?: AuthTokens;
  readonly features?: Features;
  readonly statsContext?: StatsContext;
  readonly personasContext?: Personas;
  readonly logger?: Logger;
  readonly engageDestinationCache?: EngageDestinationCache;
  readonly transactionContext?: TransactionContext;
  readonly stateContext?: StateContext;
  readonly subscriptionMetadata?: SubscriptionMetadata;
  readonly signal?: AbortSignal;
  /** The event as it arrived (`rawData`) and the mapping (`rawMapping`). */
  readonly rawData?: any;
  readonly rawMapping?: any;
}

/** A function given the request client and the input. */
export type RequestFn<
  Settings,
  Payload,
  Return = any,
  AudienceSettings = any,
  ActionHookInputs = any,
  AudienceMembershipType = AudienceMembership | AudienceMembership[],
> = (
  request: RequestClient,
  data: ExecuteInput<
    Settings,
    Payload,
    AudienceSettings,
    ActionHookInputs,
    any,
    AudienceMembershipType
  >,
) => MaybePromise<Return>;

/** What `extendRequest` returns options for. */
export type RequestExtension<Settings, Payload = undefined> = (
  data: ExecuteInput<Settings, Payload>,
) => RequestOptions;

/** The ids an `onDelete` receives. */
export interface DeletionPayload {
  userId: ID;
  anonymousId: ID;
}
/** A destination's `onDelete`. */
export type Deletion<Settings, Return = any> = (
  request: RequestClient,
  data: ExecuteInput<Settings, DeletionPayload>,
) => MaybePromise<Return>;

type ActionFields = Record<string, InputField>;

/** What every action definition has. */
export interface BaseActionDefinition {
  title: string;
  description: string;
  platform?: "cloud" | "web";
  defaultSubscription?: string;
  hidden?: boolean;
  fields: ActionFields;
}

type ArrayItem<T> = T extends (infer U)[] ? U : never;
type DynamicFns<Settings, Payload, AudienceSettings, Keys> = {
  [K in Keys & PropertyKey | "__keys__" | "__values__"]?: RequestFn<
    Settings,
    Payload,
    DynamicFieldResponse,
    AudienceSettings
  >;
};

/** What a hook answers. */
export interface ActionHookResponse<GeneratedActionHookOutputs> {
  successMessage?: string;
  savedData?: GeneratedActionHookOutputs;
  error?: { message: string; code: string };
}

/** A hook of an action (`onMappingSave`, `retlOnMappingSave`). */
export interface ActionHookDefinition<
  Settings,
  Payload,
  AudienceSettings,
  GeneratedActionHookTypesInputs,
  GeneratedActionHookOutputs,
> {
  label: string;
  description: string;
  inputFields?: Record<
    string,
    Omit<InputField, "dynamic"> & {
      dynamic?: RequestFn<
        Settings,
        Payload,
        DynamicFieldResponse,
        AudienceSettings,
        GeneratedActionHookTypesInputs
      >;
    }
  >;
  outputTypes?: Record<
    string,
    { label: string; description: string; type: string; required: boolean }
  >;
  performHook: RequestFn<
    Settings,
    Payload,
    ActionHookResponse<GeneratedActionHookOutputs>,
    AudienceSettings,
    GeneratedActionHookTypesInputs
  >;
}

/** An action: its fields, `perform`, and optionally `performBatch`, hooks, dynamic fields and sync modes. */
export interface ActionDefinition<
  Settings,
  Payload = any,
  AudienceSettings = any,
  GeneratedActionHookInputs = any,
  GeneratedActionHookOutputs = any,
> extends BaseActionDefinition {
  dynamicFields?: {
    [K in keyof Payload]?: ArrayItem<Payload[K]> extends never
      ? Payload[K] extends object | undefined ? DynamicFns<
          Settings,
          Payload,
          AudienceSettings,
          keyof NonNullable<Payload[K]>
        >
      : RequestFn<Settings, Payload, DynamicFieldResponse, AudienceSettings>
      : ArrayItem<Payload[K]> extends object ? DynamicFns<
          Settings,
          Payload,
          AudienceSettings,
          keyof NonNullable<ArrayItem<Payload[K]>>
        >
      : never;
  };
  perform: RequestFn<
    Settings,
    Payload,
    any,
    AudienceSettings,
    any,
    AudienceMembership
  >;
  performBatch?: RequestFn<
    Settings,
    Payload[],
    MaybePromise<MultiStatusResponse> | MaybePromise<unknown>,
    AudienceSettings,
    any,
    AudienceMembership[]
  >;
  hooks?: {
    [K in ActionHookType]?: ActionHookDefinition<
      Settings,
      Payload,
      AudienceSettings,
      NonNullable<GeneratedActionHookInputs>,
      NonNullable<GeneratedActionHookOutputs>
    >;
  };
  syncMode?: SyncModeDefinition;
}

/** A subscription: a query, an action and its mapping. */
export interface Subscription {
  name?: string;
  partnerAction: string;
  subscribe: string;
  mapping?: JSONObject;
  ActionID?: string;
  ConfigID?: string;
  ID?: string;
  ProjectID?: string;
}

/** A preset: a subscription offered when the destination is set up. */
export type Preset =
  | (Subscription & { type: "automatic" })
  | (Omit<Subscription, "subscribe"> & {
    type: "specificEvent";
    eventSlug: string;
  });

/** What `onComplete` receives per subscription. */
export interface SubscriptionStats {
  duration: number;
  destination: string;
  action: string;
  subscribe: string;
  input: JSONLikeObject;
  output: Result[] | null;
}

/** New tokens from `refreshAccessToken`. */
export interface RefreshAccessTokenResult {
  accessToken: string;
  refreshToken?: string;
}
/** OAuth tokens and client credentials. */
export interface OAuth2ClientCredentials extends AuthTokens {
  clientId: string;
  clientSecret: string;
}

interface Authentication<Settings> {
  scheme: "basic" | "custom" | "oauth2" | "oauth-managed";
  fields: Record<string, GlobalSetting>;
  testAuthentication?: (
    request: RequestClient,
    input: { settings: Settings; auth: AuthTokens },
  ) => Promise<unknown> | unknown;
}
/** Settings-based authentication. */
export interface CustomAuthentication<Settings>
  extends Authentication<Settings> {
  scheme: "custom";
}
/** Username and password. */
export interface BasicAuthentication<Settings>
  extends Authentication<Settings> {
  scheme: "basic";
}
/** OAuth 2 with a refresh function. */
export interface OAuth2Authentication<Settings>
  extends Authentication<Settings> {
  scheme: "oauth2";
  refreshAccessToken?: (
    request: RequestClient,
    input: { settings: Settings; auth: OAuth2ClientCredentials },
  ) => Promise<RefreshAccessTokenResult>;
}
/** OAuth managed by Segment's platform. */
export interface OAuthManagedAuthentication<Settings>
  extends Authentication<Settings> {
  scheme: "oauth-managed";
  refreshAccessToken?: (
    request: RequestClient,
    input: { settings: Settings; auth: OAuth2ClientCredentials },
  ) => Promise<RefreshAccessTokenResult>;
}
/** Any authentication scheme. */
export type AuthenticationScheme<Settings = any> =
  | BasicAuthentication<Settings>
  | CustomAuthentication<Settings>
  | OAuth2Authentication<Settings>
  | OAuthManagedAuthentication<Settings>;

/** What every destination definition has. */
export interface BaseDefinition {
  name: string;
  mode: "cloud" | "device" | "warehouse";
  description?: string;
  slug?: string;
  actions: Record<string, BaseActionDefinition>;
  presets?: Preset[];
}

/** A cloud destination. */
export interface DestinationDefinition<Settings = unknown>
  extends BaseDefinition {
  mode: "cloud";
  actions: Record<string, ActionDefinition<Settings>>;
  extendRequest?: RequestExtension<Settings, any>;
  authentication?: AuthenticationScheme<Settings>;
  onDelete?: Deletion<Settings>;
}

/** The audience an audience destination creates. */
export type AudienceResult = { externalId: string };
/** How an audience destination syncs. */
export type AudienceMode = { type: "realtime" } | {
  type: "synced";
  full_audience_sync: boolean;
};
/** What `createAudience` receives. */
export type CreateAudienceInput<
  Settings = unknown,
  AudienceSettings = unknown,
> = {
  settings: Settings;
  audienceSettings?: AudienceSettings;
  personas?: Personas;
  audienceName: string;
  statsContext?: StatsContext;
  features?: Features;
};
/** What `getAudience` receives. */
export type GetAudienceInput<Settings = unknown, AudienceSettings = unknown> = {
  settings: Settings;
  audienceSettings?: AudienceSettings;
  externalId: string;
  statsContext?: StatsContext;
  features?: Features;
};
/** An audience destination's configuration. */
export interface AudienceDestinationConfiguration {
  mode: AudienceMode;
}
/** An audience configuration that creates and reads audiences. */
export interface AudienceDestinationConfigurationWithCreateGet<
  Settings = unknown,
  AudienceSettings = unknown,
> extends AudienceDestinationConfiguration {
  createAudience(
    request: RequestClient,
    createAudienceInput: CreateAudienceInput<Settings, AudienceSettings>,
  ): Promise<AudienceResult>;
  getAudience(
    request: RequestClient,
    getAudienceInput: GetAudienceInput<Settings, AudienceSettings>,
  ): Promise<AudienceResult>;
}
/** A destination that syncs audiences: `audienceFields` and `audienceConfig`. */
export interface AudienceDestinationDefinition<
  Settings = unknown,
  AudienceSettings = unknown,
> extends DestinationDefinition<Settings> {
  audienceConfig:
    | AudienceDestinationConfigurationWithCreateGet<Settings, AudienceSettings>
    | AudienceDestinationConfiguration;
  audienceFields: Record<string, GlobalSetting>;
  actions: Record<string, ActionDefinition<Settings, any, AudienceSettings>>;
}
/** A warehouse destination. */
export interface WarehouseDestinationDefinition<Settings = unknown>
  extends BaseDefinition {
  mode: "warehouse";
  actions: Record<string, ActionDefinition<Settings>>;
  settings: Record<string, GlobalSetting>;
  onDelete?: Deletion<Settings>;
}

export type { DecoratedResponse };
