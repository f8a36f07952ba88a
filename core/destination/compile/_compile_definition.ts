// Checks a definition once and compiles what every event needs: fields, default mappings, queries.
import type { CompiledFields } from "../../fields/mod.ts";
import type { CompiledMapping } from "../../mapping/mod.ts";
import type { RequestClient, RequestOptions } from "../../request/mod.ts";
import { compileAction, type CompiledAction } from "./_compile_action.ts";
import { compilePreset } from "./_compile_preset.ts";
import {
  checkFunction,
  compileFieldsOrReport,
  describe,
  type ReportIssue,
  throwIssue,
} from "./_definition_checks.ts";
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
 * @throws {TypeError} naming the destination, action, field or preset at fault: the first
 * of {@linkcode findDefinitionIssues}.
 */
export function compileDefinition(
  definition: DestinationDefinition,
): CompiledDestination {
  if (definition?.mode !== undefined && definition.mode !== "cloud") {
    const name = (definition as { name?: unknown }).name;
    if (typeof name === "string" && name !== "") {
      throw new TypeError(
        `Cannot create destination "${name}": mode ${
          describe(definition.mode)
        } is not "cloud" (device mode runs in @destkit/browser)`,
      );
    }
  }
  return walkDefinition(definition, throwIssue)!;
}

/** Checks and compiles `definition`, each mistake going to `report`; undefined after one. */
export function walkDefinition(
  definition: DestinationDefinition,
  report: ReportIssue,
): CompiledDestination | undefined {
  if (typeof definition !== "object" || definition === null) {
    const reason = `expected a definition object, got ${describe(definition)}`;
    report({
      path: "",
      message: `Cannot create destination: ${reason}`,
      reason,
      error: TypeError,
    });
    return undefined;
  }
  const { name } = definition;
  let sound = true;
  const fail = (path: string, reason: string, message: string): void => {
    sound = false;
    report({
      path,
      message,
      reason,
      error: TypeError,
      ...(typeof name === "string" && name !== "" ? { destination: name } : {}),
    });
  };
  if (typeof name !== "string" || name === "") {
    const reason = `"name" must be a non-empty string, got ${describe(name)}`;
    fail("name", reason, `Cannot create destination: ${reason}`);
  }
  const label = typeof name === "string" ? name : "";
  const where = `Cannot create destination "${label}"`;
  if (typeof definition.actions !== "object" || definition.actions === null) {
    const reason = `"actions" must be an object, got ${
      describe(definition.actions)
    }`;
    fail("actions", reason, `${where}: ${reason}`);
  }
  const collect: ReportIssue = (issue) => {
    sound = false;
    report(issue);
  };
  const check = (key: string, value: unknown): void =>
    checkFunction(where, key, value, collect, {
      path: key,
      destination: label,
    });
  check("extendRequest", definition.extendRequest);
  check("onDelete", definition.onDelete);

  const actions = new Map<string, CompiledAction>();
  const sources = isActions(definition.actions) ? definition.actions : {};
  for (const [key, action] of Object.entries(sources)) {
    const compiledAction = compileAction(
      label,
      key,
      action as unknown as Record<string, unknown>,
      collect,
    );
    if (compiledAction !== undefined) actions.set(key, compiledAction);
  }

  const compiled: CompiledDestination = {
    name: label,
    actions,
    oauth: false,
    secretFields: [],
    presets: [],
  };
  const authentication = definition.authentication;
  if (authentication !== undefined) {
    if (!SCHEMES.has(authentication.scheme)) {
      const reason = `authentication scheme ${
        describe(authentication.scheme)
      } is not one of "custom", "basic", "oauth2", "oauth-managed"`;
      fail("authentication.scheme", reason, `${where}: ${reason}`);
    }
    compiled.oauth = authentication.scheme === "oauth2" ||
      authentication.scheme === "oauth-managed";
    const fields = authentication.fields ?? {};
    compiled.secretFields = Object.keys(fields).filter((key) =>
      (fields[key] as { type?: unknown } | undefined)?.type === "password"
    );
    if (Object.keys(fields).length > 0) {
      compiled.settings = compileFieldsOrReport(
        fields,
        `destination "${label}" settings`,
        "authentication.fields",
        report,
        { destination: label },
      );
      if (compiled.settings === undefined) sound = false;
    }
    check(
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
      check(
        "authentication.refreshAccessToken",
        authentication.refreshAccessToken,
      );
      if (!compiled.oauth) {
        const reason =
          `refreshAccessToken needs the "oauth2" or "oauth-managed" scheme`;
        fail(
          "authentication.refreshAccessToken",
          reason,
          `${where}: ${reason}`,
        );
      }
      compiled.refreshAccessToken = authentication
        .refreshAccessToken as CompiledDestination["refreshAccessToken"];
    }
  }
  compiled.extendRequest = definition
    .extendRequest as CompiledDestination["extendRequest"];
  compiled.onDelete = definition.onDelete as LooseDelete | undefined;
  const presets: Subscription[] = [];
  for (const [index, preset] of (definition.presets ?? []).entries()) {
    const subscription = compilePreset(
      where,
      (key) => Object.hasOwn(sources, key),
      (key) => actions.get(key)?.defaultMapping ?? {},
      preset,
      index,
      (issue) => collect({ ...issue, destination: label }),
    );
    if (subscription !== undefined) presets.push(subscription);
  }
  compiled.presets = presets;
  return sound ? compiled : undefined;
}

function isActions(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Lists the action names of `destination` for an error message: `actions "a", "b"` or `no actions`. */
export function describeActions(destination: CompiledDestination): string {
  const names = [...destination.actions.keys()].map((key) =>
    JSON.stringify(key)
  );
  return names.length === 0 ? "no actions" : `actions ${names.join(", ")}`;
}
