import assert from "node:assert/strict";
import {
  createRequestClient,
  type FetchFunction,
  ModifiedResponse,
  type RequestOptions,
  type ResponseInfo,
} from "../mod.ts";
import { describeFetchCall, type SeenRequest } from "./_test_fetch.ts";

/** A fake fetch recording what it was given and answering with `answer()`. */
function recorder(answer: () => Response = () => Response.json({})) {
  const seen: SeenRequest[] = [];
  const fetch: FetchFunction = (url, init) => {
    seen.push(describeFetchCall(url, init));
    return Promise.resolve(answer());
  };
  return { seen, fetch };
}

const URL_ = "https://api.acme.test/v1/track";

/** The headers of a request as sent: Segment's user agent, then `rest`. */
function sentHeaders(
  rest: Record<string, string> = {},
): Record<string, string> {
  return { "user-agent": "Segment (Actions)", ...rest };
}

/** The headers of a request sent with Basic auth for `credentials` ("user:password"), then `rest`. */
function basicAuthHeaders(
  credentials: string,
  rest: Record<string, string> = {},
): Record<string, string> {
  return sentHeaders({ authorization: `Basic ${btoa(credentials)}`, ...rest });
}

interface OptionCase {
  name: string;
  url?: string;
  client?: RequestOptions[];
  options?: RequestOptions;
  expect: Partial<SeenRequest>;
}

const OPTION_CASES: OptionCase[] = [
  {
    name: "defaults to GET with Segment's user agent and no body",
    expect: {
      method: "GET",
      url: URL_,
      headers: sentHeaders(),
      body: undefined,
    },
  },
  {
    name: "upper-cases a lower-case method",
    options: { method: "post" },
    expect: { method: "POST" },
  },
  {
    name: "upper-cases a mixed-case method",
    options: { method: "pAtCh" },
    expect: { method: "PATCH" },
  },
  {
    name: "json sends JSON text with content-type application/json",
    options: { method: "POST", json: { a: 1, b: [true, null] } },
    expect: {
      body: '{"a":1,"b":[true,null]}',
      headers: sentHeaders({
        "content-type": "application/json",
      }),
    },
  },
  {
    name: "json keeps a content type that was given, in any case",
    options: {
      method: "POST",
      json: [1],
      headers: { "Content-Type": "application/vnd.api+json" },
    },
    expect: {
      body: "[1]",
      headers: sentHeaders({
        "content-type": "application/vnd.api+json",
      }),
    },
  },
  {
    name: "json null is sent as null",
    options: { method: "PUT", json: null },
    expect: { body: "null" },
  },
  {
    name: "json wins over body",
    options: { method: "POST", json: { a: 1 }, body: "ignored" },
    expect: { body: '{"a":1}' },
  },
  {
    name: "body is sent as is without a content type of ours",
    options: { method: "POST", body: "a=1&b=2" },
    expect: { body: "a=1&b=2", headers: sentHeaders() },
  },
  {
    name: "searchParams as an object replaces the query, leaving out undefined",
    url: `${URL_}?old=1#frag`,
    options: { searchParams: { q: "a b", n: 5, yes: true, skip: undefined } },
    expect: { url: `${URL_}?q=a+b&n=5&yes=true#frag` },
  },
  {
    name: "searchParams as URLSearchParams keeps repeated names",
    options: { searchParams: new URLSearchParams([["id", "1"], ["id", "2"]]) },
    expect: { url: `${URL_}?id=1&id=2` },
  },
  {
    name: "searchParams as a string",
    options: { searchParams: "?a=1&b=%20" },
    expect: { url: `${URL_}?a=1&b=+` },
  },
  {
    name: "empty searchParams removes the query",
    url: `${URL_}?a=1`,
    options: { searchParams: {} },
    expect: { url: URL_ },
  },
  {
    name: "username and password send Basic auth encoded as UTF-8",
    options: { username: "ünï", password: "p:w" },
    expect: { headers: basicAuthHeaders("\u00c3\u00bcn\u00c3\u00af:p:w") },
  },
  {
    name: "a password alone sends Basic auth with an empty username",
    options: { password: "secret" },
    expect: { headers: basicAuthHeaders(":secret") },
  },
  {
    name: "Basic auth overrides an Authorization header",
    options: {
      username: "u",
      password: "p",
      headers: { Authorization: "Bearer x" },
    },
    expect: { headers: basicAuthHeaders("u:p") },
  },
  {
    name: "empty username and password send no Authorization",
    options: { username: "", password: "" },
    expect: { headers: sentHeaders() },
  },
  {
    name: "prefixUrl joins with exactly one slash",
    url: "/v1/track",
    options: { prefixUrl: "https://api.acme.test/" },
    expect: { url: URL_ },
  },
  {
    name: "prefixUrl adds the slash it lacks",
    url: "track",
    options: { prefixUrl: "https://api.acme.test/v1" },
    expect: { url: URL_ },
  },
  {
    name: "prefixUrl leaves an absolute URL alone",
    client: [{ prefixUrl: "https://other.test/" }],
    expect: { url: URL_ },
  },
  {
    name: "prefixUrl with searchParams",
    url: "v1/track",
    options: { prefixUrl: "https://api.acme.test", searchParams: { a: 1 } },
    expect: { url: `${URL_}?a=1` },
  },
  {
    name: "redirect is passed to fetch",
    options: { redirect: "manual" },
    expect: { redirect: "manual" },
  },
  {
    name: "a timeout gives fetch a signal",
    options: { timeout: 50 },
    expect: { hasSignal: true },
  },
  {
    name: "timeout false gives fetch no signal",
    options: { timeout: false },
    expect: { hasSignal: false },
  },
  {
    name: "headers merge case-insensitively, later options win",
    client: [{ headers: { "X-A": "1", "X-B": "1" } }, {
      headers: new Headers({ "x-b": "2" }),
    }],
    options: { headers: [["X-C", "3"]] },
    expect: {
      headers: sentHeaders({
        "x-a": "1",
        "x-b": "2",
        "x-c": "3",
      }),
    },
  },
  {
    name: "an undefined header (or the text undefined) removes it",
    client: [{ headers: { "X-A": "1", "X-B": "1" } }],
    options: { headers: { "x-a": undefined, "X-B": "undefined" } },
    expect: { headers: sentHeaders() },
  },
  {
    name: "the user agent can be replaced",
    options: { headers: { "User-Agent": "mine" } },
    expect: { headers: { "user-agent": "mine" } },
  },
  {
    name: "extendRequest's Bearer header and a call's json",
    client: [{ headers: { Authorization: "Bearer k" } }],
    options: { method: "post", json: { a: 1 } },
    expect: {
      method: "POST",
      body: '{"a":1}',
      headers: sentHeaders({
        authorization: "Bearer k",
        "content-type": "application/json",
      }),
    },
  },
  {
    name: "extendRequest's username and password reach every call",
    client: [{ username: "u", password: "p" }],
    options: { headers: { "X-A": "1" } },
    expect: {
      headers: basicAuthHeaders("u:p", { "x-a": "1" }),
    },
  },
  {
    name: "json objects from the client and the call merge deeply",
    client: [{ json: { api_key: "k", nested: { a: 1 } } }],
    options: { method: "POST", json: { nested: { b: 2 }, list: [1] } },
    expect: { body: '{"api_key":"k","nested":{"a":1,"b":2},"list":[1]}' },
  },
  {
    name: "searchParams objects from the client and the call merge",
    client: [{ searchParams: { key: "k", a: "1" } }],
    options: { searchParams: { a: "2" } },
    expect: { url: `${URL_}?key=k&a=2` },
  },
  {
    name: "a URL object is accepted",
    url: "url-object",
    expect: { url: `${URL_}?x=1` },
  },
];

Deno.test("createRequestClient() sends what each option asks for", async (t) => {
  for (const c of OPTION_CASES) {
    await t.step(c.name, async () => {
      const { seen, fetch } = recorder();
      const request = createRequestClient({ fetch }, ...(c.client ?? []));
      const url = c.url === "url-object"
        ? new URL(`${URL_}?x=1`)
        : c.url ?? URL_;
      await request(url, c.options);
      assert.equal(seen.length, 1);
      const picked = Object.fromEntries(
        Object.keys(c.expect).map((
          key,
        ) => [key, seen[0][key as keyof SeenRequest]]),
      );
      assert.deepEqual(picked, c.expect);
    });
  }
});

Deno.test("createRequestClient() reads responses", async (t) => {
  const cases: Array<{
    name: string;
    response: () => Response;
    options?: RequestOptions;
    content: string;
    data: unknown;
  }> = [
    {
      name: "parses JSON content types",
      response: () =>
        new Response('{"a":1}', {
          headers: { "content-type": "application/json; charset=utf-8" },
        }),
      content: '{"a":1}',
      data: { a: 1 },
    },
    {
      name: "gives the text as data for other content types, as Segment does",
      response: () =>
        new Response("<p>hi</p>", { headers: { "content-type": "text/html" } }),
      content: "<p>hi</p>",
      data: "<p>hi</p>",
    },
    {
      name:
        "gives no data for a JSON content type with a body that is not JSON",
      response: () =>
        new Response("{oops", {
          headers: { "content-type": "application/json" },
        }),
      content: "{oops",
      data: undefined,
    },
    {
      name: "responseType json parses without a JSON content type",
      response: () =>
        new Response("[1,2]", { headers: { "content-type": "text/plain" } }),
      options: { responseType: "json" },
      content: "[1,2]",
      data: [1, 2],
    },
    {
      name: "responseType text never parses",
      response: () => Response.json({ a: 1 }),
      options: { responseType: "text" },
      content: '{"a":1}',
      data: '{"a":1}',
    },
    {
      name: "an empty 204 gives empty content",
      response: () => new Response(null, { status: 204 }),
      content: "",
      data: "",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      const { fetch } = recorder(c.response);
      const response = await createRequestClient({ fetch })(URL_, c.options);
      assert.ok(response instanceof ModifiedResponse);
      assert.equal(response.content, c.content);
      assert.deepEqual(response.data, c.data);
      assert.equal(await response.text(), c.content);
    });
  }

  await t.step(
    "exposes status, statusText, ok, url, headers and the raw response",
    async () => {
      const raw = new Response('{"id":3}', {
        status: 201,
        statusText: "Created",
        headers: { "content-type": "application/json", "x-id": "3" },
      });
      const { fetch } = recorder(() => raw);
      const response = await createRequestClient({ fetch })<{ id: number }>(
        URL_,
      );
      assert.equal(response.status, 201);
      assert.equal(response.statusText, "Created");
      assert.equal(response.ok, true);
      assert.equal(response.url, "");
      assert.equal(response.redirected, false);
      assert.equal(response.headers.get("x-id"), "3");
      assert.equal(response.response, raw);
      assert.equal(response.data.id, 3);
      assert.deepEqual(await response.json(), { id: 3 });
    },
  );

  await t.step("throwHttpErrors false returns a failing response", async () => {
    const { fetch } = recorder(() =>
      Response.json({ error: "nope" }, { status: 404 })
    );
    const response = await createRequestClient({ fetch })(URL_, {
      throwHttpErrors: false,
    });
    assert.equal(response.status, 404);
    assert.equal(response.ok, false);
    assert.deepEqual(response.data, { error: "nope" });
  });
});

Deno.test("createRequestClient() reports each attempt to onResponse", async (t) => {
  const infos: ResponseInfo[] = [];
  let status = 200;
  const { fetch } = recorder(() => Response.json({ n: 1 }, { status }));
  const request = createRequestClient({
    fetch,
    onResponse: (info) => infos.push(info),
  }, {
    headers: { Authorization: "Bearer k" },
  });

  await t.step("a success, with the headers and body sent", async () => {
    await request(URL_, { method: "post", json: { a: 1 } });
    assert.equal(infos.length, 1);
    const [info] = infos;
    assert.equal(info.method, "POST");
    assert.equal(info.url, URL_);
    assert.equal(info.headers.get("authorization"), "Bearer k");
    assert.equal(info.body, '{"a":1}');
    assert.equal(info.status, 200);
    assert.ok(info.durationMs >= 0);
    assert.deepEqual(info.response?.data, { n: 1 });
    assert.equal(info.error, undefined);
  });
  await t.step("a failing status, with the error", async () => {
    status = 500;
    await assert.rejects(request(URL_));
    assert.equal(infos.length, 2);
    assert.equal(infos[1].status, 500);
    assert.equal(infos[1].error?.name, "HTTPError");
    assert.equal(infos[1].response, undefined);
  });
});

Deno.test("createRequestClient() rejects bad options", async (t) => {
  const { seen, fetch } = recorder();
  const cases: Array<
    { name: string; run: () => unknown; error: RegExp | typeof TypeError }
  > = [
    {
      name: "a negative timeout",
      run: () => createRequestClient({ timeout: -1 }),
      error:
        /^RangeError: Cannot create request client: timeout -1 is not a positive number or false$/,
    },
    {
      name: "a fractional retry limit",
      run: () => createRequestClient({ retry: { limit: 1.5 } }),
      error: /retry limit 1\.5 is not a whole number/,
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assert.throws(c.run, (error) => {
        assert.match(String(error), c.error as RegExp);
        return true;
      });
    });
  }
  await t.step("a zero timeout on a call", async () => {
    await assert.rejects(
      createRequestClient({ fetch })(URL_, { timeout: 0 }),
      RangeError,
    );
  });
  await t.step("a GET with json, naming the method and URL", async () => {
    await assert.rejects(createRequestClient({ fetch })(URL_, { json: {} }), {
      name: "TypeError",
      message: `Cannot send GET ${URL_}: a GET request cannot have a body`,
    });
  });
  await t.step("a HEAD with a body", async () => {
    await assert.rejects(
      createRequestClient({ fetch })(URL_, { method: "head", body: "x" }),
      TypeError,
    );
  });
  await t.step("nothing was sent", () => assert.equal(seen.length, 0));
});

Deno.test("createRequestClient() leaves the caller's options unchanged", async () => {
  const { fetch } = recorder();
  const defaults = { fetch, headers: { "X-A": "1" }, json: { a: { b: 1 } } };
  const call: RequestOptions = {
    method: "post",
    headers: { "X-B": "2" },
    json: { a: { c: 2 } },
    username: "u",
  };
  const snapshot = JSON.stringify([defaults, call]);
  const request = createRequestClient(defaults);
  await request(URL_, call);
  await request(URL_, call);
  assert.equal(JSON.stringify([defaults, call]), snapshot);
});
