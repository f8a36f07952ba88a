import type { InputFields } from "../fields/input_field.ts";
import type { CheckedDefaults, InferFields } from "../fields/infer.ts";
import type { RequestClient, RequestOptions } from "../request/mod.ts";

/** OAuth tokens and credentials handed to actions of an `oauth2`/`oauth-managed` destination. */
export interface AuthTokens {
  accessToken: string;
  refreshToken?: string;
  refreshTokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
}

/** What `refreshAccessToken` returns. */
export interface RefreshAccessTokenResult {
  accessToken: string;
  refreshToken?: string;
}

/** The identifiers of a GDPR deletion request. */
export interface DeletionPayload {
  userId?: string | null;
  anonymousId?: string | null;
}

/** Where the runtime writes what happens; every method is optional. */
export interface Logger {
  debug?(message: string, data?: Record<string, unknown>): void;
  info?(message: string, data?: Record<string, unknown>): void;
  warn?(message: string, data?: Record<string, unknown>): void;
  error?(message: string, data?: Record<string, unknown>): void;
}

/** The second argument of `perform`, `performBatch` and the other hooks. */
export interface ExecuteInput<S, P> {
  /** The destination's settings, typed from its authentication fields. */
  settings: S;
  /** The mapped, validated payload (an array of them in `performBatch`). */
  payload: P;
  /** OAuth tokens, for `oauth2` and `oauth-managed` destinations. */
  auth?: AuthTokens;
  /** The mapping that produced the payload. */
  mapping?: Readonly<Record<string, unknown>>;
  /** The event (or events) as received. */
  rawData?: unknown;
  /** The host's logger. */
  logger?: Logger;
  /** Aborts the work when the host gives up. */
  signal?: AbortSignal;
}

/** The response of a `dynamic` field's handler. */
export interface DynamicFieldResponse {
  choices: { label: string; value: string }[];
  nextPage?: string;
  error?: { message: string; code: string };
}

/** An action of a cloud-mode destination: typed fields and a `perform`. */
export interface ActionDefinition<S, F extends InputFields = InputFields> {
  /** The name users see. */
  title: string;
  /** What the action does; supports markdown. */
  description?: string;
  /** Where the action runs. @default {"cloud"} */
  platform?: "cloud";
  /** The subscription query a new subscription starts with. */
  defaultSubscription?: string;
  /** Hidden from the UI. */
  hidden?: boolean;
  /** The fields of the payload, keyed by payload key; a literal `default` must fit its field. */
  fields: F & CheckedDefaults<F>;
  /** Sends one payload to the partner. */
  perform: (
    request: RequestClient,
    data: ExecuteInput<S, InferFields<F>>,
  ) => unknown;
  /** Sends many payloads in one call. */
  performBatch?: (
    request: RequestClient,
    data: ExecuteInput<S, InferFields<F>[]>,
  ) => unknown;
  /** Handlers that fetch choices for `dynamic` fields. */
  dynamicFields?: {
    [K in keyof F]?: (
      request: RequestClient,
      data: ExecuteInput<S, Partial<InferFields<F>>>,
    ) => Promise<DynamicFieldResponse> | DynamicFieldResponse;
  };
}

/** The second argument of `testAuthentication` and `refreshAccessToken`. */
export interface AuthenticationInput<S> {
  settings: S;
  auth?: AuthTokens;
}

interface BaseAuthentication<A extends InputFields> {
  /** The settings users fill in, keyed by settings key. */
  fields: A;
  /** Checks the credentials with a request; a rejection means they are wrong. */
  testAuthentication?: (
    request: RequestClient,
    data: AuthenticationInput<InferFields<A>>,
  ) => unknown;
}

/** API keys or other credentials in settings. */
export interface CustomAuthentication<A extends InputFields>
  extends BaseAuthentication<A> {
  scheme: "custom";
}

/** A username and a password in settings. */
export interface BasicAuthentication<A extends InputFields>
  extends BaseAuthentication<A> {
  scheme: "basic";
}

/** OAuth 2 tokens, refreshed by `refreshAccessToken` after a 401. */
export interface OAuth2Authentication<A extends InputFields>
  extends BaseAuthentication<A> {
  scheme: "oauth2" | "oauth-managed";
  /** Gets a new access token; the runtime calls it after a 401 and retries once. */
  refreshAccessToken?: (
    request: RequestClient,
    data: AuthenticationInput<InferFields<A>> & { auth: AuthTokens },
  ) => Promise<RefreshAccessTokenResult> | RefreshAccessTokenResult;
}

/** How a destination authenticates, with the settings fields it needs. */
export type AuthenticationScheme<A extends InputFields> =
  | CustomAuthentication<A>
  | BasicAuthentication<A>
  | OAuth2Authentication<A>;

/** A subscription a new destination instance starts with. */
export type Preset =
  | {
    name: string;
    subscribe: string;
    partnerAction: string;
    mapping?: Record<string, unknown>;
    type: "automatic";
  }
  | {
    name: string;
    partnerAction: string;
    mapping?: Record<string, unknown>;
    type: "specificEvent";
    eventSlug: string;
  };

/** A configured subscription: which events (a query) go to which action, mapped how. */
export interface Subscription {
  name?: string;
  subscribe: string;
  partnerAction: string;
  mapping?: Record<string, unknown>;
  enabled?: boolean;
}

/** The argument of `extendRequest`. */
export interface ExtendRequestInput<S> {
  settings: S;
  auth?: AuthTokens;
  payload?: unknown;
}

/** A cloud-mode destination: settings, authentication, and actions. */
export interface DestinationDefinition<
  A extends InputFields = InputFields,
  Acts extends Record<string, InputFields> = Record<string, InputFields>,
> {
  /** The name users see. */
  name: string;
  /** A unique, URL-safe identifier such as `actions-acme`. */
  slug?: string;
  /** Where the destination runs. */
  mode: "cloud";
  /** What the destination is; supports markdown. */
  description?: string;
  /** How it authenticates, with the settings fields. */
  authentication?: AuthenticationScheme<A>;
  /** Options merged into every request the destination makes. */
  extendRequest?: (data: ExtendRequestInput<InferFields<A>>) => RequestOptions;
  /** Deletes a user's data at the partner (GDPR). */
  onDelete?: (
    request: RequestClient,
    data: {
      settings: InferFields<A>;
      payload: DeletionPayload;
      auth?: AuthTokens;
    },
  ) => unknown;
  /** Subscriptions a new instance starts with. */
  presets?: readonly Preset[];
  /** The actions, keyed by action name. */
  actions: { [K in keyof Acts]: ActionDefinition<InferFields<A>, Acts[K]> };
}

/** The settings type of a destination definition. */
export type SettingsOf<D> = D extends DestinationDefinition<infer A, infer _>
  ? InferFields<A>
  : never;
