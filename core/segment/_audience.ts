// Audience membership, feature flags and OAuth data as Segment's runtime reads them.
import { isObject } from "./_values.ts";

/** The sync modes an action may offer. */
export const syncModeTypes = [
  "add",
  "update",
  "upsert",
  "delete",
  "mirror",
] as const;

/** The feature flags Segment's hosted platform sets; destkit sets none (every flag is off). */
export const FLAGS = Object.freeze(
  {
    ACTIONS_GOOGLE_EC_AUDIENCE_MEMBERSHIP:
      "actions-google-ec-audience-membership",
    ACTIONS_BRAZE_COHORTS_AUDIENCE_MEMBERSHIP:
      "actions-braze-cohorts-audience-membership",
    ACTIONS_LINKEDIN_AUDIENCES_AUDIENCE_MEMBERSHIP:
      "actions-linkedin-audiences-audience-membership",
  } as const,
);

/** OAuth tokens as `perform` receives them in `auth`. */
export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  refreshTokenUrl?: string;
}

function oauthOf(settings: unknown): Record<string, unknown> {
  const oauth = isObject(settings) ? settings.oauth : undefined;
  return isObject(oauth) ? oauth : {};
}

/** Returns the OAuth tokens kept in `settings.oauth` (`access_token`, `refresh_token`, `refresh_token_url`). */
export function getAuthData(settings: unknown): AuthTokens {
  const oauth = oauthOf(settings);
  return {
    accessToken: oauth.access_token as string,
    refreshToken: oauth.refresh_token as string,
    refreshTokenUrl: oauth.refresh_token_url as string | undefined,
  };
}

/** The OAuth data a refresh needs, from `settings.oauth`. */
export function getOAuth2Data(settings: unknown): Record<string, unknown> {
  const oauth = oauthOf(settings);
  return {
    accessToken: oauth.access_token,
    refreshToken: oauth.refresh_token,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    refreshTokenUrl: oauth.refresh_token_url,
  };
}

function engageMembership(event: Record<string, unknown>): boolean | undefined {
  const context = isObject(event.context) ? event.context : {};
  const personas = isObject(context.personas) ? context.personas : {};
  const computationClass = personas.computation_class ?? "";
  const key = personas.computation_key ?? "";
  if (computationClass !== "audience" && computationClass !== "journey_step") {
    return undefined;
  }
  if (!key) return undefined;
  const source = event.type === "identify"
    ? event.traits
    : event.type === "track"
    ? event.properties
    : undefined;
  const value = isObject(source) ? source[String(key)] : undefined;
  return typeof value === "boolean" ? value : undefined;
}

function retlMembership(
  event: Record<string, unknown>,
  syncMode: string | undefined,
): boolean | undefined {
  if (!syncMode || event.type !== "track") return undefined;
  const name = event.event;
  const added = name === "new" &&
    ["add", "upsert", "mirror"].includes(syncMode);
  const updated = name === "updated" &&
    ["update", "upsert", "mirror"].includes(syncMode);
  if (added || updated) return true;
  if (name === "deleted" && (syncMode === "delete" || syncMode === "mirror")) {
    return false;
  }
  return undefined;
}

/**
 * Returns whether an event adds (`true`) or removes (`false`) a profile from an audience: from an
 * Engage audience or journey step, else from a Reverse ETL event and the sync mode; `undefined`
 * when the event says neither.
 */
export function resolveAudienceMembership(
  rawData: unknown,
  syncMode?: string,
): boolean | undefined {
  if (!rawData) return undefined;
  const event = rawData as Record<string, unknown>;
  return engageMembership(event) ?? retlMembership(event, syncMode);
}
