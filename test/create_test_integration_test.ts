import assert from "node:assert/strict";
import { defineDestination, MultiStatusResponse } from "@destkit/core";
import { createTestIntegration, TEST_MESSAGE_ID } from "@destkit/test";

const API = "https://api.example.com";

const definition = defineDestination({
  name: "Example",
  mode: "cloud",
  authentication: {
    scheme: "oauth2",
    fields: {
      workspace: { label: "Workspace", type: "string", required: true },
    },
    testAuthentication: (request) => request(`${API}/me`),
    refreshAccessToken: async (request, { auth }) => {
      const response = await request<{ token: string }>(`${API}/oauth/token`, {
        method: "post",
        json: { refresh_token: auth?.refreshToken },
      });
      return { accessToken: response.data.token };
    },
  },
  extendRequest: ({ auth }) => ({
    headers: { authorization: `Bearer ${auth?.accessToken}` },
  }),
  onDelete: (request, { payload }) =>
    request(`${API}/users/${payload.userId}`, { method: "delete" }),
  actions: {
    track: {
      title: "Track",
      fields: {
        name: {
          label: "Name",
          type: "string",
          required: true,
          default: { "@path": "$.event" },
        },
        id: {
          label: "Message ID",
          type: "string",
          default: { "@path": "$.messageId" },
        },
      },
      perform: (request, { payload }) =>
        request(`${API}/track`, { method: "post", json: payload }),
      performBatch: async (request, { payload }) => {
        await request(`${API}/batch`, {
          method: "post",
          json: { batch: payload },
        });
        const response = new MultiStatusResponse();
        payload.forEach((item, i) => {
          if (item.name === "reject") {
            response.setErrorResponseAtIndex(i, {
              status: 429,
              errormessage: "Slow down",
            });
          } else {response.setSuccessResponseAtIndex(i, {
              status: 200,
              sent: item,
              body: "accepted",
            });}
        });
        return response;
      },
    },
  },
});

const SETTINGS = { workspace: "w1" };
const AUTH = { accessToken: "old", refreshToken: "r1" };

Deno.test("testAction() runs one action with the requests it made", async (t) => {
  await t.step("default mappings on a deterministic test event", async () => {
    const integration = createTestIntegration(definition);
    integration.intercept(API).post("/track", {
      name: "Test Event",
      id: TEST_MESSAGE_ID,
    })
      .matchHeader("authorization", "Bearer old").reply(200, { ok: true });
    const result = await integration.testAction("track", {
      settings: SETTINGS,
      auth: AUTH,
      useDefaultMappings: true,
    });
    assert.equal(result.status, "delivered");
    assert.deepEqual(result.output, { ok: true });
    assert.deepEqual(
      result.requests.map((
        request,
      ) => [request.method, request.url, request.status]),
      [
        ["POST", `${API}/track`, 200],
      ],
    );
  });
  await t.step(
    "a 401 refreshes the token and retries, and both requests are returned",
    async () => {
      const integration = createTestIntegration(definition);
      integration.intercept(API)
        .post("/track").matchHeader("authorization", "Bearer old").reply(401, {
          error: "expired",
        })
        .post("/oauth/token", { refresh_token: "r1" }).reply(200, {
          token: "new",
        })
        .post("/track").matchHeader("authorization", "Bearer new").reply(200, {
          ok: true,
        });
      const result = await integration.testAction("track", {
        event: { event: "Signed Up" },
        settings: SETTINGS,
        auth: AUTH,
        useDefaultMappings: true,
      });
      assert.equal(result.status, "delivered");
      assert.deepEqual(
        result.requests.map((request) => `${request.url} ${request.status}`),
        [
          `${API}/track 401`,
          `${API}/oauth/token 200`,
          `${API}/track 200`,
        ],
      );
    },
  );
  await t.step("a settings error is a result, with no request", async () => {
    const integration = createTestIntegration(definition);
    const result = await integration.testAction("track", {
      settings: {} as typeof SETTINGS,
      useDefaultMappings: true,
    });
    assert.equal(result.status, "failed");
    assert.equal(result.error?.code, "INVALID_SETTINGS");
    assert.deepEqual(result.requests, []);
  });
  await t.step(
    "an unexpected request fails the call with the closest expectation",
    async () => {
      const integration = createTestIntegration(definition);
      integration.intercept(API).post("/trak").reply(200);
      await assert.rejects(
        () =>
          integration.testAction("track", {
            settings: SETTINGS,
            auth: AUTH,
            useDefaultMappings: true,
          }),
        (error: Error) => {
          assert.match(
            error.message,
            /no expectation matches POST https:\/\/api.example.com\/track/,
          );
          assert.match(
            error.message,
            /Closest expectation: POST https:\/\/api.example.com\/trak/,
          );
          return true;
        },
      );
    },
  );
  await t.step(
    "an expectation left unused fails the call, unless assertDone is false",
    async () => {
      const integration = createTestIntegration(definition);
      integration.intercept(API).post("/track").reply(200).get("/never").reply(
        200,
      );
      const input = { settings: SETTINGS, mapping: { name: "x" } };
      await assert.rejects(
        () => integration.testAction("track", input),
        /never came:\n {2}GET https:\/\/api.example.com\/never/,
      );
      integration.interceptor.reset();
      integration.intercept(API).post("/track").reply(200).get("/later").reply(
        200,
      );
      const result = await integration.testAction("track", {
        ...input,
        auth: AUTH,
        assertDone: false,
      });
      assert.equal(result.status, "delivered");
      assert.throws(
        () => integration.assertDone(),
        /GET https:\/\/api.example.com\/later/,
      );
    },
  );
});

Deno.test("testBatchAction() returns one result per event and the batch request", async () => {
  const integration = createTestIntegration(definition);
  integration.intercept(API).post("/batch").reply(200, {});
  const { results, requests } = await integration.testBatchAction("track", {
    events: [{ event: "a" }, { event: "reject" }, { event: undefined }, {
      event: "b",
    }],
    settings: SETTINGS,
    auth: AUTH,
    useDefaultMappings: true,
  });
  assert.deepEqual(results.map((result) => result.status), [
    "delivered",
    "failed",
    "invalid",
    "delivered",
  ]);
  assert.deepEqual([results[1].error?.status, results[1].error?.retryable], [
    429,
    true,
  ]);
  assert.deepEqual(
    (requests[0].json as { batch: { name: string }[] }).batch.map((item) =>
      item.name
    ),
    [
      "a",
      "reject",
      "b",
    ],
  );
});

Deno.test("testAuthentication(), onDelete() and refreshAccessToken() return the requests they made", async () => {
  const integration = createTestIntegration(definition);
  integration.intercept(API).get("/me").reply(401, {});
  const auth = await integration.testAuthentication(SETTINGS);
  assert.equal(auth.ok, false);
  assert.match(auth.error!.message, /^Credentials are invalid: /);
  assert.equal(auth.requests.length, 1);

  integration.intercept(API).delete("/users/u1").reply(204);
  const deleted = await integration.onDelete({ userId: "u1" }, SETTINGS);
  assert.equal(deleted.status, "delivered");

  integration.intercept(API).post("/oauth/token", { refresh_token: "r1" })
    .reply(200, { token: "t2" });
  const { tokens, requests } = await integration.refreshAccessToken(
    SETTINGS,
    AUTH,
  );
  assert.deepEqual(tokens, { accessToken: "t2" });
  assert.equal(requests.length, 1);
});
