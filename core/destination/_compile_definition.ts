// Checks a definition once and compiles what every event needs: fields, default mappings, queries.
import {
  type CompiledFields,
  compileFields,
  type InputFields,
} from "../fields/mod.ts";
import { compileFql } from "../fql/mod.ts";
import { type CompiledMapping, compileMapping } from "../mapping/mod.ts";
import type { RequestClient } from "../request/mod.ts";
import type {
  AuthenticationInput,
  DeletionPayload,
  DestinationDefinition,
  ExecuteInput,
  ExtendRequestInput,
  Preset,
  RefreshAccessTokenResult,
  Subscription,
} from "./types.ts";
import type { RequestOptions } from "../request/mod.ts";

export type { CompiledFields, CompiledMapping };

/** `perform` and the other hooks, without the types a definition gives them. */
export type LoosePerform = (
  request: RequestClient,
  data: ExecuteInput<unknown, unknown>,
) => unknown;
type LooseAuthHook = (
  request: RequestClient,
  data: AuthenticationInput<unknown>,
) => unknown;
type LooseDelete = (
  request: RequestClient,
  data: { settings: unknown; payload: DeletionPayload; auth?: unknown },
) => unknown;

/** An action, checked and compiled once. */
export interface CompiledAction {
  name: string;
  title: string;
  fields: CompiledFields;
  perform: LoosePerform;
  performBatch?: LoosePerform;
  /** The fields' `default`s, the mapping a new subscription starts with. */
  defaultMapping: Readonly<Record<string, unknown>>;
  defaultSubscription?: string;
  hidden: boolean;
}

/** A destination, checked and compiled once. */
export interface CompiledDestination {
  name: string;
  actions: ReadonlyMap<string, CompiledAction>;
  /** The validator of the authentication fields, when there are any. */
  settings?: CompiledFields;
  /** Whether the scheme is `oauth2` or `oauth-managed`. */
  oauth: boolean;
  extendRequest?: (data: ExtendRequestInput<unknown>) => RequestOptions;
  testAuthentication?: LooseAuthHook;
  refreshAccessToken?: (
    request: RequestClient,
    data: AuthenticationInput<unknown>,
  ) => Promise<RefreshAccessTokenResult> | RefreshAccessTokenResult;
  onDelete?: LooseDelete;
  /** The presets as subscriptions, in order. */
  presets: readonly Subscription[];
}

const SCHEMES = new Set(["custom", "basic", "oauth2", "oauth-managed"]);

/**
 * Checks `definition` and compiles it.
 *
 * @throws {TypeError} naming the destination, action, field or preset at fault.
 */
export function compileDefinition(
  definition: DestinationDefinition,
): CompiledDestination {
  if (typeof definition !== "object" || definition === null) {
    throw new TypeError(
      `Cannot create destination: expected a definition object, got ${
        describe(definition)
      }`,
    );
  }
  const { name } = definition;
  if (typeof name !== "string" || name === "") {
    throw new TypeError(
      `Cannot create destination: "name" must be a non-empty string, got ${
        describe(name)
      }`,
    );
  }
  const where = `Cannot create destination "${name}"`;
  if (definition.mode !== undefined && definition.mode !== "cloud") {
    throw new TypeError(
      `${where}: mode ${
        describe(definition.mode)
      } is not "cloud" (device mode runs in @destkit/browser)`,
    );
  }
  if (typeof definition.actions !== "object" || definition.actions === null) {
    throw new TypeError(
      `${where}: "actions" must be an object, got ${
        describe(definition.actions)
      }`,
    );
  }
  checkFunction(where, "extendRequest", definition.extendRequest);
  checkFunction(where, "onDelete", definition.onDelete);

  const actions = new Map<string, CompiledAction>();
  for (const [key, action] of Object.entries(definition.actions)) {
    actions.set(
      key,
      compileAction(name, key, action as unknown as Record<string, unknown>),
    );
  }

  const compiled: CompiledDestination = {
    name,
    actions,
    oauth: false,
    presets: [],
  };
  const authentication = definition.authentication;
  if (authentication !== undefined) {
    if (!SCHEMES.has(authentication.scheme)) {
      throw new TypeError(
        `${where}: authentication scheme ${
          describe(authentication.scheme)
        } is not one of "custom", "basic", "oauth2", "oauth-managed"`,
      );
    }
    compiled.oauth = authentication.scheme === "oauth2" ||
      authentication.scheme === "oauth-managed";
    const fields = authentication.fields ?? {};
    if (Object.keys(fields).length > 0) {
      compiled.settings = compileFields(fields, {
        where: `destination "${name}" settings`,
      });
    }
    checkFunction(
      where,
      "authentication.testAuthentication",
      authentication.testAuthentication,
    );
    compiled.testAuthentication = authentication.testAuthentication as
      | LooseAuthHook
      | undefined;
    if (
      "refreshAccessToken" in authentication &&
      authentication.refreshAccessToken !== undefined
    ) {
      checkFunction(
        where,
        "authentication.refreshAccessToken",
        authentication.refreshAccessToken,
      );
      if (!compiled.oauth) {
        throw new TypeError(
          `${where}: refreshAccessToken needs the "oauth2" or "oauth-managed" scheme`,
        );
      }
      compiled.refreshAccessToken = authentication
        .refreshAccessToken as CompiledDestination["refreshAccessToken"];
    }
  }
  compiled.extendRequest = definition
    .extendRequest as CompiledDestination["extendRequest"];
  compiled.onDelete = definition.onDelete as LooseDelete | undefined;
  compiled.presets = (definition.presets ?? []).map((preset, index) =>
    compilePreset(where, actions, preset, index)
  );
  return compiled;
}

function compileAction(
  destination: string,
  key: string,
  action: Record<string, unknown>,
): CompiledAction {
  const where = `Cannot create destination "${destination}": action "${key}"`;
  if (typeof action !== "object" || action === null) {
    throw new TypeError(`${where} must be an object, got ${describe(action)}`);
  }
  if (typeof action.perform !== "function") {
    throw new TypeError(`${where} has no perform function`);
  }
  checkFunction(where, "performBatch", action.performBatch);
  const fields = (action.fields ?? {}) as InputFields;
  const compiledFields = compileFields(fields, {
    where: `destination "${destination}" action "${key}"`,
  });
  const defaultMapping: Record<string, unknown> = {};
  for (const [field, definition] of Object.entries(fields)) {
    if (definition.default !== undefined) {
      defaultMapping[field] = definition.default;
    }
  }
  try {
    compileMapping(defaultMapping);
  } catch (error) {
    throw new TypeError(
      `${where} has an invalid field default: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const compiled: CompiledAction = {
    name: key,
    title: typeof action.title === "string" ? action.title : key,
    fields: compiledFields,
    perform: action.perform as LoosePerform,
    defaultMapping: Object.freeze(defaultMapping),
    hidden: action.hidden === true,
  };
  if (action.performBatch !== undefined) {
    compiled.performBatch = action.performBatch as LoosePerform;
  }
  const query = action.defaultSubscription;
  if (query !== undefined) {
    if (typeof query !== "string") {
      throw new TypeError(
        `${where} has a defaultSubscription that is not a string: ${
          describe(query)
        }`,
      );
    }
    try {
      compileFql(query);
    } catch (error) {
      throw new TypeError(
        `${where} has an invalid defaultSubscription: ${messageOf(error)}`,
        { cause: error },
      );
    }
    compiled.defaultSubscription = query;
  }
  return compiled;
}

function compilePreset(
  where: string,
  actions: ReadonlyMap<string, CompiledAction>,
  preset: Preset,
  index: number,
): Subscription {
  const label = `preset ${
    typeof preset?.name === "string" ? JSON.stringify(preset.name) : index
  }`;
  const action = actions.get(preset?.partnerAction);
  if (action === undefined) {
    throw new TypeError(
      `${where}: ${label} names an unknown action ${
        describe(preset?.partnerAction)
      }`,
    );
  }
  let subscribe: string;
  if (preset.type === "automatic") {
    subscribe = preset.subscribe;
  } else if (preset.type === "specificEvent") {
    if (typeof preset.eventSlug !== "string" || preset.eventSlug === "") {
      throw new TypeError(`${where}: ${label} has no eventSlug`);
    }
    subscribe = `event = ${JSON.stringify(preset.eventSlug)}`;
  } else {
    throw new TypeError(
      `${where}: ${label} has type ${
        describe((preset as { type?: unknown }).type)
      }, not "automatic" or "specificEvent"`,
    );
  }
  try {
    compileFql(subscribe);
  } catch (error) {
    throw new TypeError(
      `${where}: ${label} has an invalid subscribe query: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const mapping = preset.mapping ?? action.defaultMapping;
  try {
    compileMapping(mapping);
  } catch (error) {
    throw new TypeError(
      `${where}: ${label} has an invalid mapping: ${messageOf(error)}`,
      { cause: error },
    );
  }
  return {
    name: preset.name,
    subscribe,
    partnerAction: preset.partnerAction,
    mapping: { ...mapping },
    enabled: true,
  };
}

function checkFunction(where: string, key: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(
      `${where}: "${key}" must be a function, got ${describe(value)}`,
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/** Returns an error's message, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
