import assert from "node:assert/strict";
import {
  createDestination,
  defineDestination,
  InvalidAuthenticationError,
  MultiStatusResponse,
  type RefreshAccessTokenResult,
} from "@destkit/core";
import { createPartner } from "../../_test_partner.ts";
import { NAME_FIELD } from "../_test_fixtures.ts";

const API = "https://api.oauth.test";

/** An OAuth2 destination whose partner accepts only the token in `valid.token`. */
function oauthDestination(
  options: { refreshFails?: boolean; newToken?: string } = {},
) {
  const valid = { token: options.newToken ?? "token-2" };
  let refreshes = 0;
  const partner = createPartner((request) => {
    if (request.url === `${API}/token`) {
      refreshes++;
      if (options.refreshFails) {
        return Response.json({ error: "invalid_grant" }, { status: 400 });
      }
      return Response.json({
        access_token: valid.token,
        refresh_token: "refresh-2",
      });
    }
    // The batch endpoint answers per item (see sendMany), the others refuse a stale token outright.
    if (
      request.url !== `${API}/batch` &&
      request.headers.get("authorization") !== `Bearer ${valid.token}`
    ) {
      return Response.json({ error: "expired" }, { status: 401 });
    }
    if (request.url === `${API}/batch`) {
      const { batch } = request.body as { batch: unknown[] };
      return Response.json({ accepted: batch.length });
    }
    return Response.json({ ok: true });
  });
  const definition = defineDestination({
    name: "OAuthy",
    mode: "cloud",
    authentication: {
      scheme: "oauth2",
      fields: {
        workspace: { label: "Workspace", type: "string", required: true },
      },
      refreshAccessToken: async (request, { auth }) => {
        const response = await request<
          { access_token: string; refresh_token: string }
        >(`${API}/token`, {
          method: "post",
          json: { refresh_token: auth?.refreshToken },
        });
        return {
          accessToken: response.data.access_token,
          refreshToken: response.data.refresh_token,
        };
      },
    },
    extendRequest: ({ auth }) => ({
      headers: { authorization: `Bearer ${auth?.accessToken}` },
    }),
    actions: {
      send: {
        title: "Send",
        fields: { name: NAME_FIELD },
        perform: (request, { payload }) =>
          request(`${API}/send`, { method: "post", json: payload }),
      },
      sendMany: {
        title: "Send many",
        fields: { name: NAME_FIELD },
        perform: () => null,
        // The partner answers per item: items named "stale" are rejected with 401 until the token is fresh.
        performBatch: async (request, { payload, auth }) => {
          await request(`${API}/batch`, {
            method: "post",
            json: { batch: payload },
          });
          const response = new MultiStatusResponse();
          payload.forEach((item, i) => {
            if (item.name === "stale" && auth?.accessToken !== valid.token) {
              response.setErrorResponseAtIndex(i, {
                status: 401,
                errormessage: "Token expired",
              });
            } else {
              response.setSuccessResponseAtIndex(i, {
                status: 200,
                sent: item,
                body: { token: auth?.accessToken },
              });
            }
          });
          return response;
        },
      },
    },
  });
  const refreshed: RefreshAccessTokenResult[] = [];
  const destination = createDestination(definition, {
    fetch: partner.fetch,
    onTokenRefresh: (tokens) => {
      refreshed.push(tokens);
    },
  });
  const settings = {
    workspace: "w1",
    oauth: { access_token: "token-1", refresh_token: "refresh-1" },
    subscriptions: [
      {
        name: "A",
        subscribe: 'type = "track"',
        partnerAction: "send",
        mapping: { name: { "@path": "$.event" } },
      },
      {
        name: "B",
        subscribe: 'event = "Signed Up"',
        partnerAction: "send",
        mapping: { name: { "@path": "$.event" } },
      },
    ],
  };
  return {
    destination,
    partner,
    settings,
    refreshed,
    refreshes: () => refreshes,
  };
}

Deno.test("a 401 refreshes the token, hands it to onTokenRefresh and retries once", async (t) => {
  const { destination, partner, settings, refreshed, refreshes } =
    oauthDestination();
  const results = await destination.onEvent({
    type: "track",
    event: "Signed Up",
  }, settings);

  await t.step("both subscriptions are delivered after one refresh", () => {
    assert.deepEqual(results.map((result) => result.status), [
      "delivered",
      "delivered",
    ]);
    assert.equal(refreshes(), 1);
    assert.deepEqual(refreshed, [{
      accessToken: "token-2",
      refreshToken: "refresh-2",
    }]);
  });
  await t.step(
    "the refresh request sent the refresh token; the retries the new access token",
    () => {
      const token = partner.seen.find((request) =>
        request.url === `${API}/token`
      );
      assert.deepEqual(token?.body, { refresh_token: "refresh-1" });
      const sends = partner.seen.filter((request) =>
        request.url === `${API}/send`
      );
      assert.deepEqual(
        sends.map((request) => request.headers.get("authorization")),
        [
          "Bearer token-1",
          "Bearer token-1",
          "Bearer token-2",
          "Bearer token-2",
        ],
      );
    },
  );
  await t.step(
    "the next event with the same settings uses the new token without refreshing",
    async () => {
      const before = partner.seen.length;
      const [result] = await destination.onEvent({
        type: "track",
        event: "Other",
      }, settings);
      assert.equal(result.status, "delivered");
      assert.equal(partner.seen.length, before + 1);
      assert.equal(refreshes(), 1);
    },
  );
  await t.step("settings.oauth was not changed", () => {
    assert.equal(settings.oauth.access_token, "token-1");
  });
});

Deno.test("a failed refresh fails the event with OAUTH_REFRESH_FAILED", async () => {
  const { destination, settings, refreshed } = oauthDestination({
    refreshFails: true,
  });
  const [result] = await destination.onEvent(
    { type: "track", event: "E" },
    settings,
  );
  assert.equal(result.status, "failed");
  assert.equal(result.error?.code, "OAUTH_REFRESH_FAILED");
  assert.equal(result.error?.status, 401);
  assert.match(
    result.error!.message,
    /^Cannot refresh the access token: Cannot send POST .*\/token: received status 400/,
  );
  assert.deepEqual(refreshed, []);
});

Deno.test("a 401 after the refresh is reported, not retried again", async () => {
  const { destination, settings } = oauthDestination();
  const seen: string[] = [];
  const stubborn = createDestination(destination.definition, {
    fetch: (url) => {
      seen.push(url.slice(API.length));
      return Promise.resolve(
        url.endsWith("/token")
          ? Response.json({ access_token: "token-x" })
          : Response.json({ error: "expired" }, { status: 401 }),
      );
    },
  });
  const [result] = await stubborn.onEvent({ type: "track", event: "E" }, {
    ...settings,
    subscriptions: [settings.subscriptions[0]],
  });
  assert.equal(result.status, "failed");
  assert.equal(result.error?.status, 401);
  assert.deepEqual(seen, ["/send", "/token", "/send"]);
});

Deno.test("executeAction() with explicit auth refreshes on 401 too", async () => {
  const { destination, refreshed } = oauthDestination();
  const result = await destination.executeAction("send", {
    event: { event: "E" },
    settings: { workspace: "w" },
    auth: { accessToken: "token-1", refreshToken: "refresh-1" },
  });
  assert.equal(result.status, "delivered");
  assert.equal(refreshed.length, 1);
});

Deno.test("401 items of a batch result trigger a refresh and are sent again, alone", async () => {
  const { destination, partner, settings, refreshes } = oauthDestination();
  const batchSettings = {
    ...settings,
    subscriptions: [{
      subscribe: 'type = "track"',
      partnerAction: "sendMany",
      mapping: { name: { "@path": "$.event" } },
    }],
  };
  const events = ["fine", "stale", "fine", "stale"].map((event) => ({
    type: "track",
    event,
  }));
  const results = await destination.onBatch(events, batchSettings);
  assert.deepEqual(results.map((result) => result.status), [
    "delivered",
    "delivered",
    "delivered",
    "delivered",
  ]);
  assert.equal(refreshes(), 1);
  const batches = partner.seen.filter((request) =>
    request.url === `${API}/batch`
  );
  assert.deepEqual(
    batches.map((request) => (request.body as { batch: unknown[] }).batch),
    [
      [{ name: "fine" }, { name: "stale" }, { name: "fine" }, {
        name: "stale",
      }],
      [{ name: "stale" }, { name: "stale" }],
    ],
  );
  assert.deepEqual(
    results.map((result) => (result.output as { token: string }).token),
    [
      "token-1",
      "token-2",
      "token-1",
      "token-2",
    ],
  );
});

Deno.test("refreshAccessToken() returns new tokens or throws a typed error", async (t) => {
  await t.step("tokens", async () => {
    const { destination } = oauthDestination();
    const tokens = await destination.refreshAccessToken({ workspace: "w" }, {
      accessToken: "a",
      refreshToken: "r",
    });
    assert.deepEqual(tokens, {
      accessToken: "token-2",
      refreshToken: "refresh-2",
    });
  });
  await t.step("a refresh failure", async () => {
    const { destination } = oauthDestination({ refreshFails: true });
    await assert.rejects(
      () =>
        destination.refreshAccessToken({ workspace: "w" }, {
          accessToken: "a",
        }),
      (error) =>
        error instanceof InvalidAuthenticationError &&
        error.code === "OAUTH_REFRESH_FAILED",
    );
  });
  await t.step("a destination that is not OAuth2", async () => {
    const plain = createDestination({
      name: "Plain",
      mode: "cloud",
      actions: {},
    });
    await assert.rejects(
      () => plain.refreshAccessToken({}, { accessToken: "a" }),
      /NOT_IMPLEMENTED|not oauth2/,
    );
  });
});
