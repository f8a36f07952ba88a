// Issue 13, item 6: a password setting, an OAuth token or a client secret never shows.
import assert from "node:assert/strict";
import {
  type CompletionInfo,
  createDestination,
  defineDestination,
  IntegrationError,
  type Logger,
} from "@destkit/core";
import { createPartner } from "../../_test_partner.ts";

const API = "https://api.acme.test";
const SECRET = "sk_live S3CR3T/+&=x";
const ACCESS = "at-0123456789";
const REFRESH = "rt-9876543210";
const CLIENT_SECRET = "cs-abcdefghij";
const ALL = [SECRET, ACCESS, REFRESH, CLIENT_SECRET];

/** Every form a secret can take in text. */
function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replaceAll("%20", "+"),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    new URL(`http://h/${secret}`).pathname.slice(1),
    new URL(`http://h/?${secret}`).search.slice(1),
    // The secret's distinctive middle, whatever was done to the characters around it.
    "S3CR3T",
  ].filter((form) => form.length >= 4);
}

/** Lists the places (by name) whose text holds any form of a secret. */
function leaks(places: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [place, text] of Object.entries(places)) {
    for (const secret of ALL) {
      if (forms(secret).some((form) => text.includes(form))) {
        found.push(`${place} holds ${JSON.stringify(secret)}`);
      }
    }
  }
  return found;
}

function inspect(value: unknown): string {
  return Deno.inspect(value, { depth: 10, getters: true, showHidden: true });
}

/** A partner that answers 400 echoing what it got, redirects, or is down. */
const partner = createPartner(({ url, body }) => {
  const path = new URL(url).pathname;
  if (path.startsWith("/moved")) {
    return new Response(null, {
      status: 302,
      headers: { location: `${API}/next?token=${encodeURIComponent(SECRET)}` },
    });
  }
  if (path.startsWith("/down")) {
    throw new TypeError(`error sending request for url (${url})`);
  }
  return Response.json({
    error: `bad key ${SECRET}`,
    got: { url, body: typeof body === "string" ? body : JSON.stringify(body) },
  }, {
    status: 400,
    headers: { "x-echo": SECRET, "set-cookie": `s=${ACCESS}` },
  });
});

const caught: unknown[] = [];
async function keep<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    caught.push(error);
    throw error;
  }
}

const definition = defineDestination({
  name: "Leaky",
  mode: "cloud",
  authentication: {
    scheme: "oauth2",
    fields: {
      apiKey: { label: "API key", type: "password", required: true },
      region: { label: "Region", type: "string" },
    },
    testAuthentication: (request, { settings }) =>
      keep(request(`${API}/me/${settings.apiKey}?q=${settings.apiKey}`)),
    refreshAccessToken: (_request, { auth }) => {
      throw new Error(
        `refresh failed for ${auth?.refreshToken} with ${auth?.clientSecret}`,
      );
    },
  },
  extendRequest: ({ settings, auth }) => ({
    headers: {
      "x-api-key": String(settings.apiKey),
      authorization: `Bearer ${auth?.accessToken}`,
    },
  }),
  onDelete: (request, { settings }) =>
    keep(request(`${API}/users/${settings.apiKey}`, { method: "delete" })),
  actions: {
    inPath: {
      title: "Key in the path and a plainly named query parameter",
      fields: { n: { label: "N", type: "integer" } },
      perform: (request, { settings, logger }) => {
        logger?.info?.(`sending with ${settings.apiKey}`, {
          key: settings.apiKey,
          nested: { deep: [`x ${settings.apiKey}`] },
        });
        return keep(
          request(`${API}/v1/${settings.apiKey}/track`, {
            method: "post",
            searchParams: { k: String(settings.apiKey) },
            json: { key: settings.apiKey },
          }),
        );
      },
      performBatch: (request, { settings }) =>
        keep(
          request(`${API}/batch/${settings.apiKey}`, {
            method: "post",
            json: [],
          }),
        ),
    },
    redirect: {
      title: "A redirect whose target holds the key",
      fields: {},
      perform: (request) =>
        keep(request(`${API}/moved`, { redirect: "manual" })),
    },
    network: {
      title: "A network failure naming the URL",
      fields: {},
      perform: (request, { settings }) =>
        keep(
          request(`${API}/down/${encodeURIComponent(String(settings.apiKey))}`),
        ),
    },
    throws: {
      title: "Throws its own error with the key inside",
      fields: {},
      perform: (_request, { settings }) => {
        throw new Error(`bad key ${settings.apiKey}`);
      },
    },
    throwsTyped: {
      title: "Throws an IntegrationError with the key inside",
      fields: {},
      perform: (_request, { settings }) => {
        throw new IntegrationError(
          `bad key ${settings.apiKey}`,
          "BAD_KEY",
          400,
        );
      },
    },
    throwsObject: {
      title: "Throws a plain object echoing the token",
      fields: {},
      perform: (_request, { auth }) => {
        throw { message: `token ${auth?.accessToken}`, status: 403 };
      },
    },
  },
});

Deno.test("secrets appear nowhere a call shows them", async (t) => {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (message, data) => lines.push(`${message} ${inspect(data)}`),
    info: (message, data) => lines.push(`${message} ${inspect(data)}`),
    warn: (message, data) => lines.push(`${message} ${inspect(data)}`),
    error: (message, data) => lines.push(`${message} ${inspect(data)}`),
  };
  const completed: CompletionInfo[] = [];
  const destination = createDestination(definition, {
    fetch: partner.fetch,
    logger,
    onComplete: (info) => completed.push(info),
  });
  const settings = {
    apiKey: SECRET,
    region: "us",
    oauth: {
      access_token: ACCESS,
      refresh_token: REFRESH,
      clientId: "client",
      clientSecret: CLIENT_SECRET,
    },
  };
  const places: Record<string, string> = {};
  const actions = [
    "inPath",
    "redirect",
    "network",
    "throws",
    "throwsTyped",
    "throwsObject",
  ];

  await t.step("every action fails", async () => {
    for (const action of actions) {
      const subscription = {
        subscribe: "type = 'track'",
        partnerAction: action,
        mapping: {},
      };
      const [event] = await destination.onEvent({ type: "track" }, {
        ...settings,
        subscription,
      });
      assert.equal(event.status, "failed", action);
      places[`onEvent ${action}`] = inspect(event);
      const batch = await destination.onBatch(
        [{ type: "track" }, { type: "track" }],
        { ...settings, subscription },
      );
      assert.equal(batch.length, 2);
      places[`onBatch ${action}`] = inspect(batch);
      const single = await destination.executeAction(action, {
        event: { type: "track" },
        settings,
        mapping: {},
        auth: {
          accessToken: ACCESS,
          refreshToken: REFRESH,
          clientSecret: CLIENT_SECRET,
        },
      });
      places[`executeAction ${action}`] = inspect(single);
    }
    places.testAuthentication = inspect(
      await destination.testAuthentication(settings),
    );
    places.onDelete = inspect(
      await destination.onDelete({ userId: "u" }, settings),
    );
  });

  await t.step("refreshAccessToken throws without the secrets", async () => {
    const error = await destination.refreshAccessToken(settings, {
      accessToken: ACCESS,
      refreshToken: REFRESH,
      clientSecret: CLIENT_SECRET,
    }).then(() => undefined, (error) => error);
    assert.ok(error instanceof IntegrationError);
    assert.match(
      error.message,
      /^Cannot refresh the access token: refresh failed for \[redacted\]/,
    );
    places["refreshAccessToken error"] = `${inspect(error)} ${error.stack}`;
  });

  await t.step("errors a perform caught from the request client", () => {
    assert.ok(caught.length >= 6);
    caught.forEach((error, index) => {
      const fields = error as Record<string, unknown>;
      places[`request error ${index}`] = [
        inspect(error),
        String((error as Error).stack),
        inspect((error as Error).cause),
        String((fields.request as Request | undefined)?.url),
        inspect(fields.response),
        String(fields.content),
        inspect(fields.data),
      ].join("\n");
    });
  });

  await t.step("the invalid settings message", async () => {
    const invalid = createDestination(defineDestination({
      name: "Strict",
      mode: "cloud",
      authentication: {
        scheme: "custom",
        fields: { apiKey: { label: "Key", type: "password", maxLength: 3 } },
      },
      actions: {},
    }));
    const result = await invalid.testAuthentication({ apiKey: SECRET });
    assert.equal(result.ok, false);
    places["invalid settings"] = inspect(result);
  });

  places["logger lines"] = lines.join("\n");
  places["onComplete info"] = inspect(completed);

  await t.step("leaks found = 0", () => {
    assert.ok(lines.length > 10);
    assert.ok(completed.length > 10);
    assert.ok(Object.keys(places).length >= 30);
    assert.deepEqual(leaks(places), []);
  });

  await t.step("the redacted messages still say what happened", () => {
    assert.match(
      places["onEvent inPath"],
      /Cannot send POST https:\/\/api\.acme\.test\/v1\/\[redacted\]\/track\?k=\[redacted\]: received status 400/,
    );
    assert.match(
      places["onEvent redirect"],
      /redirect to https:\/\/api\.acme\.test\/next\?token=\[redacted\]/,
    );
    assert.match(places["onEvent throws"], /bad key \[redacted\]/);
  });
});

Deno.test("a secret shorter than 4 characters is not searched for in text", async () => {
  const destination = createDestination(defineDestination({
    name: "Short",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: { apiKey: { label: "Key", type: "password" } },
    },
    actions: {
      send: {
        title: "Send",
        fields: {},
        perform: () => {
          throw new Error("the table is at capacity");
        },
      },
    },
  }));
  const result = await destination.executeAction("send", {
    event: {},
    settings: { apiKey: "ab" },
    mapping: {},
  });
  assert.equal(result.error?.message, "the table is at capacity");
});
