// Destinations written the way Segment's repository writes them (our own fixtures), built
// against a given actions-core: the drop-in or the oracle. Their base URL is a setting, so
// that requests go to the recording server. Names and titles have no space: with the
// fast-uri the oracle resolves today (3.1.9), its AJV schema keys (`<name>:<title>`) with a
// space throw "URI scheme is malformed" (Segment's own lock has 3.1.0).
// deno-lint-ignore-file no-explicit-any
type Lib = Record<string, any>;

/** Acme CRM: custom auth, extendRequest, JSON bodies, searchParams, performBatch, errors. */
export function acmeCrm(lib: Lib) {
  return {
    name: "AcmeCRM",
    slug: "acme-crm",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: {
        apiKey: {
          label: "API key",
          description: "Key",
          type: "password",
          required: true,
        },
        endpoint: {
          label: "Endpoint",
          description: "Base URL",
          type: "string",
          required: true,
        },
        region: {
          label: "Region",
          description: "Region",
          type: "string",
          choices: [{ label: "US", value: "us" }, { label: "EU", value: "eu" }],
          default: "us",
        },
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
          user_id: {
            label: "User ID",
            description: "Id",
            type: "string",
            required: true,
            default: { "@path": "$.userId" },
          },
          email: {
            label: "Email",
            description: "Email",
            type: "string",
            format: "email",
            default: { "@path": "$.traits.email" },
          },
          age: {
            label: "Age",
            description: "Age",
            type: "integer",
            default: { "@path": "$.traits.age" },
          },
          tags: {
            label: "Tags",
            description: "Tags",
            type: "string",
            multiple: true,
            default: { "@path": "$.traits.tags" },
          },
          traits: {
            label: "Traits",
            description: "Other traits",
            type: "object",
            default: { "@path": "$.traits" },
          },
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
          previous: {
            label: "Previous",
            description: "Old id",
            type: "string",
            default: { "@path": "$.previousId" },
          },
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
          name: {
            label: "Name",
            description: "Event",
            type: "string",
            required: true,
            default: { "@path": "$.event" },
          },
          revenue: {
            label: "Revenue",
            description: "Revenue",
            type: "number",
            default: { "@path": "$.properties.revenue" },
          },
          properties: {
            label: "Properties",
            description: "Props",
            type: "object",
            default: { "@path": "$.properties" },
          },
          timestamp: {
            label: "Time",
            description: "When",
            type: "string",
            default: { "@path": "$.timestamp" },
          },
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
        username: {
          label: "Username",
          description: "User",
          type: "string",
          required: true,
        },
        password: {
          label: "Password",
          description: "Secret",
          type: "password",
          required: true,
        },
        endpoint: {
          label: "Endpoint",
          description: "Base URL",
          type: "string",
          required: true,
        },
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
          userId: {
            label: "User",
            description: "Id",
            type: "string",
            required: true,
            default: { "@path": "$.userId" },
          },
          page: {
            label: "Page",
            description: "Name",
            type: "string",
            default: { "@path": "$.name" },
          },
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
          userId: {
            label: "User",
            description: "Id",
            type: "string",
            required: true,
            default: { "@path": "$.userId" },
          },
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
        endpoint: {
          label: "Endpoint",
          description: "Base URL",
          type: "string",
          required: true,
        },
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
          email: {
            label: "Email",
            description: "Email",
            type: "string",
            required: true,
            default: { "@path": "$.properties.email" },
          },
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
        endpoint: {
          label: "Endpoint",
          description: "Base URL",
          type: "string",
          required: true,
        },
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
          text: {
            label: "Text",
            description: "Note",
            type: "string",
            required: true,
            default: { "@path": "$.event" },
          },
          folder: {
            label: "Folder",
            description: "Folder",
            type: "string",
            dynamic: true,
          },
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
        token: {
          label: "Token",
          description: "Token",
          type: "string",
          required: true,
        },
        endpoint: {
          label: "Endpoint",
          description: "Base URL",
          type: "string",
          required: true,
        },
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
          term: {
            label: "Term",
            description: "Term",
            type: "string",
            default: { "@path": "$.userId" },
          },
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
