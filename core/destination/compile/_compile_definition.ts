// Checks a definition once and compiles what every event needs: fields, default mappings, queries.
import { type CompiledFields, compileFields } from "../../fields/mod.ts";
import type { CompiledMapping } from "../../mapping/mod.ts";
import type { RequestClient, RequestOptions } from "../../request/mod.ts";
import { compileAction, type CompiledAction } from "./_compile_action.ts";
import { compilePreset } from "./_compile_preset.ts";
import { checkFunction, describe } from "./_definition_checks.ts";
import type {
  AuthenticationInput,
  DeletionPayload,
  DestinationDefinition,
  ExtendRequestInput,
  RefreshAccessTokenResult,
  Subscription,
} from "../types.ts";

export type { CompiledAction, CompiledFields, CompiledMapping };
export type { LoosePerform } from "./_compile_action.ts";

/** The hooks of a definition, without the types a definition gives them. */
type LooseAuthHook = (
  request: RequestClient,
  data: AuthenticationInput<unknown>,
) => unknown;
type LooseDelete = (
  request: RequestClient,
  data: { settings: unknown; payload: DeletionPayload; auth?: unknown },
) => unknown;

/** A destination, checked and compiled once. */
export interface CompiledDestination {
  name: string;
  actions: ReadonlyMap<string, CompiledAction>;
  /** The validator of the authentication fields, when there are any. */
  settings?: CompiledFields;
  /** Whether the scheme is `oauth2` or `oauth-managed`. */
  oauth: boolean;
  /** The names of the authentication fields of `type: "password"`: their values are secrets. */
  secretFields: readonly string[];
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
    secretFields: [],
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
    compiled.secretFields = Object.keys(fields).filter((key) =>
      (fields[key] as { type?: unknown } | undefined)?.type === "password"
    );
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

/** Lists the action names of `destination` for an error message: `actions "a", "b"` or `no actions`. */
export function describeActions(destination: CompiledDestination): string {
  const names = [...destination.actions.keys()].map((key) =>
    JSON.stringify(key)
  );
  return names.length === 0 ? "no actions" : `actions ${names.join(", ")}`;
}
