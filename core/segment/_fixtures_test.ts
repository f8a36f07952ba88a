// Destinations written the way Segment's repository writes them (our own fixtures), built
// against a given actions-core: the drop-in or the oracle. Their base URL is a setting, so
// that requests go to the recording server. Names and titles have no space: with the
// fast-uri the oracle resolves today (3.1.9), its AJV schema keys (`<name>:<title>`) with a
// space throw "URI scheme is malformed" (Segment's own lock has 3.1.0).
// deno-lint-ignore-file no-explicit-any
type Lib = Record<string, any>;

/** A field (or setting) as Segment's definitions write it: label, description, type, then the rest. */
function field(
  label: string,
  description: string,
  type: string,
  rest: Lib = {},
) {
  return { label, description, type, ...rest };
}

/** The setting every fixture has: the base URL, so that requests go to the recording server. */
function endpointSetting() {
  return field("Endpoint", "Base URL", "string", { required: true });
}

/** Acme CRM: custom auth, extendRequest, JSON bodies, searchParams, performBatch, errors. */
export function acmeCrm(lib: Lib) {
  return {
    name: "AcmeCRM",
    slug: "acme-crm",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: {
        apiKey: field("API key", "Key", "password", { required: true }),
        endpoint: endpointSetting(),
        region: field("Region", "Region", "string", {
          choices: [{ label: "US", value: "us" }, { label: "EU", value: "eu" }],
          default: "us",
        }),
      },
      testAuthentication: (request: any, { settings }: any) =>
        request(`${settings.endpoint}/v1/me`),
    },
    extendRequest: ({ settings }: any) => ({
      headers: {
        Authorization: `Bearer ${settings.apiKey}`,
        "X-Region": settings.region ?? "none",
      },
    }),
    onDelete: (request: any, { settings, payload }: any) =>
      request(`${settings.endpoint}/v1/users/${payload.userId}`, {
        method: "delete",
      }),
    actions: {
      identifyUser: {
        title: "IdentifyUser",
        description: "Upserts a contact",
        defaultSubscription: 'type = "identify"',
        fields: {
          user_id: field("User ID", "Id", "string", {
            required: true,
            default: { "@path": "$.userId" },
          }),
          email: field("Email", "Email", "string", {
            format: "email",
            default: { "@path": "$.traits.email" },
          }),
          age: field("Age", "Age", "integer", {
            default: { "@path": "$.traits.age" },
          }),
          tags: field("Tags", "Tags", "string", {
            multiple: true,
            default: { "@path": "$.traits.tags" },
          }),
          traits: field("Traits", "Other traits", "object", {
            default: { "@path": "$.traits" },
          }),
        },
        perform: (request: any, { settings, payload }: any) => {
          if (payload.email?.endsWith("@blocked.test")) {
            throw new lib.IntegrationError(
              "Email domain is blocked",
              "BLOCKED_DOMAIN",
              400,
            );
          }
          return request(
            `${settings.endpoint}/v1/contacts/${payload.user_id}`,
            {
              method: "put",
              json: payload,
            },
          );
        },
      },
      aliasUser: {
        title: "AliasUser",
        description: "Links two ids; reads the response body itself",
        defaultSubscription: 'type = "alias"',
        fields: {
          previous: field("Previous", "Old id", "string", {
            default: { "@path": "$.previousId" },
          }),
        },
        perform: async (request: any, { settings, payload }: any) => {
          const response = await request(`${settings.endpoint}/v1/alias`, {
            method: "post",
            headers: { "Content-Type": "application/json;charset=UTF-8" },
            json: payload,
          });
          const body = await response.json();
          return { body, ok: response.ok, status: response.status };
        },
      },
      trackEvent: {
        title: "TrackEvent",
        description: "Sends an event",
        defaultSubscription: 'type = "track"',
        fields: {
          name: field("Name", "Event", "string", {
            required: true,
            default: { "@path": "$.event" },
          }),
          revenue: field("Revenue", "Revenue", "number", {
            default: { "@path": "$.properties.revenue" },
          }),
          properties: field("Properties", "Props", "object", {
            default: { "@path": "$.properties" },
          }),
          timestamp: field("Time", "When", "string", {
            default: { "@path": "$.timestamp" },
          }),
        },
        perform: async (request: any, { settings, payload }: any) => {
          const response = await request(`${settings.endpoint}/v1/events`, {
            method: "post",
            searchParams: { source: "segment", v: 2 },
            json: payload,
            throwHttpErrors: false,
          });
          if (response.status === 429) {
            throw new lib.RetryableError("Rate limited", 429);
          }
          return response;
        },
        performBatch: (request: any, { settings, payload }: any) =>
          request(`${settings.endpoint}/v1/events/batch`, {
            method: "post",
            json: { events: payload },
          }),
      },
    },
  };
}

/** Basic Beacon: basic auth through username/password, GET with ids in the path and query. */
export function basicBeacon(_lib: Lib) {
  return {
    name: "BasicBeacon",
    mode: "cloud",
    authentication: {
      scheme: "basic",
      fields: {
        username: field("Username", "User", "string", { required: true }),
        password: field("Password", "Secret", "password", { required: true }),
        endpoint: endpointSetting(),
      },
    },
    extendRequest: ({ settings }: any) => ({
      username: settings.username,
      password: settings.password,
    }),
    actions: {
      ping: {
        title: "Ping",
        description: "Pings a user",
        defaultSubscription: 'type = "page" or type = "screen"',
        fields: {
          userId: field("User", "Id", "string", {
            required: true,
            default: { "@path": "$.userId" },
          }),
          page: field("Page", "Name", "string", {
            default: { "@path": "$.name" },
          }),
        },
        perform: (request: any, { settings, payload }: any) =>
          request(
            `${settings.endpoint}/beacon/${encodeURIComponent(payload.userId)}`,
            {
              searchParams: { page: payload.page ?? "" },
            },
          ),
      },
      rawPing: {
        title: "RawPing",
        description: "Pings with the id as is in the URL",
        defaultSubscription: 'type = "screen"',
        fields: {
          userId: field("User", "Id", "string", {
            required: true,
            default: { "@path": "$.userId" },
          }),
        },
        perform: (request: any, { settings, payload }: any) =>
          request(
            `${settings.endpoint}/raw/${payload.userId}?tag=${payload.userId}`,
          ),
      },
    },
  };
}

/** Sync Lists: syncMode, hooks' outputs, audience membership and the rest of perform's input. */
export function syncLists(_lib: Lib) {
  return {
    name: "SyncLists",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: {
        endpoint: endpointSetting(),
      },
    },
    actions: {
      syncMember: {
        title: "SyncMember",
        description: "Adds or removes a member",
        defaultSubscription: 'type = "track"',
        syncMode: {
          default: "upsert",
          label: "Sync",
          description: "How",
          choices: [{ label: "Upsert", value: "upsert" }, {
            label: "Mirror",
            value: "mirror",
          }],
        },
        hooks: {
          retlOnMappingSave: {
            label: "Create list",
            description: "Creates the list",
            performHook: () => ({ savedData: { listId: "l1" } }),
          },
        },
        fields: {
          email: field("Email", "Email", "string", {
            required: true,
            default: { "@path": "$.properties.email" },
          }),
        },
        perform: (request: any, input: any) =>
          request(`${input.settings.endpoint}/lists/members`, {
            method: "post",
            json: {
              email: input.payload.email,
              syncMode: input.syncMode ?? null,
              member: input.audienceMembership ?? null,
              hook: input.hookOutputs ?? null,
              matchingKey: input.matchingKey ?? null,
              features: input.features ?? null,
              raw: input.rawData?.event ?? null,
              mappingKeys: Object.keys(input.rawMapping ?? {}),
              metadata: input.subscriptionMetadata ?? null,
            },
          }),
      },
    },
  };
}

/** OAuth Notes: OAuth 2 with refreshAccessToken, a bearer token from `auth`, dynamic fields. */
export function oauthNotes(_lib: Lib) {
  return {
    name: "OAuthNotes",
    mode: "cloud",
    authentication: {
      scheme: "oauth2",
      fields: {
        endpoint: endpointSetting(),
      },
      refreshAccessToken: async (request: any, { settings, auth }: any) => {
        const response = await request(`${settings.endpoint}/oauth/token`, {
          method: "post",
          body: new URLSearchParams({
            grant_type: "refresh_token",
            refresh_token: auth.refreshToken,
            client_id: auth.clientId,
          }),
        });
        return { accessToken: response.data.access_token };
      },
    },
    extendRequest: ({ auth }: any) => ({
      headers: { authorization: `Bearer ${auth?.accessToken}` },
    }),
    actions: {
      addNote: {
        title: "AddNote",
        description: "Adds a note",
        defaultSubscription: 'type = "track"',
        fields: {
          text: field("Text", "Note", "string", {
            required: true,
            default: { "@path": "$.event" },
          }),
          folder: field("Folder", "Folder", "string", { dynamic: true }),
        },
        dynamicFields: {
          folder: async (request: any, { settings }: any) => {
            const response = await request(`${settings.endpoint}/folders`);
            return {
              choices: response.data.map((name: string) => ({
                label: name,
                value: name,
              })),
            };
          },
        },
        perform: (request: any, { settings, payload }: any) =>
          request(`${settings.endpoint}/notes`, {
            method: "post",
            json: payload,
          }),
      },
    },
  };
}

/** Merge Quirks: `searchParams` and `json` from both `extendRequest` and the call, merged as Segment merges them. */
export function mergeQuirks(_lib: Lib) {
  return {
    name: "MergeQuirks",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: {
        token: field("Token", "Token", "string", { required: true }),
        endpoint: endpointSetting(),
      },
    },
    extendRequest: ({ settings }: any) => ({
      searchParams: { api_token: settings.token },
      json: { source: "segment", meta: { a: 1 }, list: [1] },
    }),
    actions: {
      search: {
        title: "Search",
        description: "Searches and posts",
        defaultSubscription: 'type = "identify"',
        fields: {
          term: field("Term", "Term", "string", {
            default: { "@path": "$.userId" },
          }),
        },
        perform: (request: any, { settings, payload }: any) =>
          request(`${settings.endpoint}/search`, {
            method: "post",
            searchParams: { term: payload.term, missing: undefined },
            json: { meta: { b: 2 }, list: [2], term: payload.term },
          }),
      },
    },
  };
}
