import assert from "node:assert/strict";
import { createRequestClient } from "@destkit/core";
import { createInterceptor, UnexpectedRequestError } from "@destkit/test";

const ORIGIN = "https://api.example.com";

Deno.test("intercept() matches on method, path, query, headers and body", async (t) => {
  const cases: {
    name: string;
    declare: (
      scope: ReturnType<ReturnType<typeof createInterceptor>["intercept"]>,
    ) => void;
    url: string;
    options: Record<string, unknown>;
    matches: boolean;
  }[] = [
    {
      name: "method and path",
      declare: (s) => s.post("/v1/track").reply(200),
      url: "/v1/track",
      options: { method: "post" },
      matches: true,
    },
    {
      name: "another method",
      declare: (s) => s.post("/v1/track").reply(200),
      url: "/v1/track",
      options: { method: "put" },
      matches: false,
    },
    {
      name: "a path RegExp",
      declare: (s) => s.get(/^\/v1\/users\/\d+$/).reply(200),
      url: "/v1/users/42",
      options: {},
      matches: true,
    },
    {
      name: "an undeclared query",
      declare: (s) => s.get("/v1/users").reply(200),
      url: "/v1/users?page=2",
      options: {},
      matches: false,
    },
    {
      name: "a declared query",
      declare: (s) => s.get("/v1/users").query({ page: 2 }).reply(200),
      url: "/v1/users?page=2",
      options: {},
      matches: true,
    },
    {
      name: "any query",
      declare: (s) => s.get("/v1/users").query(true).reply(200),
      url: "/v1/users?a=1&b=2",
      options: {},
      matches: true,
    },
    {
      name: "a header",
      declare: (s) =>
        s.get("/me").matchHeader("Authorization", "Bearer k").reply(200),
      url: "/me",
      options: { headers: { authorization: "Bearer k" } },
      matches: true,
    },
    {
      name: "a wrong header",
      declare: (s) =>
        s.get("/me").matchHeader("authorization", /^Bearer /).reply(200),
      url: "/me",
      options: { headers: { authorization: "Basic x" } },
      matches: false,
    },
    {
      name: "a JSON body, key order ignored",
      declare: (s) => s.post("/t", { a: 1, b: [1, 2] }).reply(200),
      url: "/t",
      options: { method: "post", json: { b: [1, 2], a: 1 } },
      matches: true,
    },
    {
      name: "a different JSON body",
      declare: (s) => s.post("/t", { a: 1 }).reply(200),
      url: "/t",
      options: { method: "post", json: { a: 2 } },
      matches: false,
    },
    {
      name: "a body predicate",
      declare: (s) =>
        s.post("/t", (body: { a: number }) => body.a > 1).reply(200),
      url: "/t",
      options: { method: "post", json: { a: 2 } },
      matches: true,
    },
    {
      name: "a form body as a string",
      declare: (s) => s.post("/t", "a=1&b=2").reply(200),
      url: "/t",
      options: {
        method: "post",
        body: new URLSearchParams({ a: "1", b: "2" }),
      },
      matches: true,
    },
  ];
  for (const { name, declare, url, options, matches } of cases) {
    await t.step(name, async () => {
      const interceptor = createInterceptor();
      declare(interceptor.intercept(ORIGIN));
      const request = createRequestClient({
        fetch: interceptor.fetch,
        throwHttpErrors: false,
      });
      const outcome = await request(`${ORIGIN}${url}`, options).then(
        () => "answered",
        (error) => error,
      );
      if (matches) {
        assert.equal(outcome, "answered");
        interceptor.assertDone();
      } else {
        assert.notEqual(outcome, "answered");
        assert.throws(
          () => interceptor.assertNoUnexpected(),
          /Unexpected request/,
        );
      }
    });
  }
});

Deno.test("an unexpected request fails with the request and the closest expectation", async () => {
  const interceptor = createInterceptor();
  interceptor.intercept(ORIGIN).get("/v1/users").reply(200);
  interceptor.intercept(ORIGIN).post("/v1/track", { event: "Signed Up" }).reply(
    200,
  );
  const outcome = await interceptor.fetch(`${ORIGIN}/v1/trak`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"event":"Signed Up"}',
  }).catch((error) => error);
  assert.ok(outcome instanceof UnexpectedRequestError);
  assert.equal(
    outcome.message,
    [
      `Unexpected request: no expectation matches POST ${ORIGIN}/v1/trak`,
      '  headers: {"content-type":"application/json"}',
      '  body: {"event":"Signed Up"}',
      `Closest expectation: POST ${ORIGIN}/v1/track body {"event":"Signed Up"}`,
      '  path: /v1/trak is not "/v1/track"',
    ].join("\n"),
  );
  assert.throws(() => interceptor.assertDone(), (error: Error) => {
    assert.match(
      error.message,
      /Unexpected request: no expectation matches POST/,
    );
    assert.match(
      error.message,
      /Expected requests that never came:\n {2}GET https:\/\/api.example.com\/v1\/users \(1 of 1 left\)/,
    );
    return true;
  });
});

Deno.test("expectations are used once unless times() or persist() say otherwise", async (t) => {
  await t.step("once", async () => {
    const interceptor = createInterceptor();
    interceptor.intercept(ORIGIN).get("/a").reply(200, { n: 1 });
    assert.equal((await interceptor.fetch(`${ORIGIN}/a`, {})).status, 200);
    await assert.rejects(
      () => interceptor.fetch(`${ORIGIN}/a`, {}),
      /already used 1 time/,
    );
  });
  await t.step("times(2), then pending until used", async () => {
    const interceptor = createInterceptor();
    interceptor.intercept(ORIGIN).get("/a").times(2).reply(200);
    await interceptor.fetch(`${ORIGIN}/a`, {});
    assert.deepEqual(interceptor.pending(), [`GET ${ORIGIN}/a (1 of 2 left)`]);
    await interceptor.fetch(`${ORIGIN}/a`, {});
    interceptor.assertDone();
  });
  await t.step(
    "persist() answers any number and is never pending",
    async () => {
      const interceptor = createInterceptor();
      interceptor.intercept(/.*/).any().query(true).persist().reply(204);
      interceptor.assertDone();
      for (const url of ["https://a.test/x", "https://b.test/y?z=1"]) {
        assert.equal(
          (await interceptor.fetch(url, { method: "DELETE" })).status,
          204,
        );
      }
    },
  );
  await t.step("reply functions and replyWithError", async () => {
    const interceptor = createInterceptor();
    interceptor.intercept(ORIGIN)
      .post("/echo").reply((
        request,
      ) => [201, { got: request.json }, { "x-id": "7" }])
      .get("/down").replyWithError("connection refused");
    const request = createRequestClient({ fetch: interceptor.fetch });
    const echoed = await request(`${ORIGIN}/echo`, {
      method: "post",
      json: { a: 1 },
    });
    assert.deepEqual([echoed.status, echoed.data, echoed.headers.get("x-id")], [
      201,
      { got: { a: 1 } },
      "7",
    ]);
    await assert.rejects(() => request(`${ORIGIN}/down`), /connection refused/);
    assert.deepEqual(
      interceptor.requests.map((seen) => [seen.method, seen.status]),
      [["POST", 201], ["GET", 0]],
    );
  });
});
