// Issue 13, item 7 through a destination: redirects and body sizes as results.
import assert from "node:assert/strict";
import { createDestination, defineDestination } from "@destkit/core";

const KEY = "key-0123456789";

const definition = defineDestination({
  name: "Limits",
  mode: "cloud",
  authentication: {
    scheme: "custom",
    fields: { apiKey: { label: "API key", type: "password", required: true } },
  },
  extendRequest: ({ settings }) => ({
    headers: { "x-api-key": settings.apiKey },
  }),
  actions: {
    send: {
      title: "Send",
      fields: {},
      perform: (request) =>
        request("https://api.acme.test/send", {
          method: "post",
          json: { a: 1 },
        }),
    },
    read: {
      title: "Read",
      fields: {},
      perform: (request) => request("https://api.acme.test/read"),
    },
  },
});

Deno.test("a configured credential header does not follow a redirect to another host", async (t) => {
  const arrivals: Array<{ url: string; key: string | null; body: unknown }> =
    [];
  function fetch(url: string, init: RequestInit): Promise<Response> {
    arrivals.push({
      url,
      key: new Headers(init.headers).get("x-api-key"),
      body: init.body,
    });
    if (url === "https://api.acme.test/read") {
      return Promise.resolve(
        new Response(null, {
          status: 302,
          headers: { location: "https://evil.test/r" },
        }),
      );
    }
    if (url === "https://api.acme.test/send") {
      return Promise.resolve(
        new Response(null, {
          status: 307,
          headers: { location: "https://evil.test/s" },
        }),
      );
    }
    return Promise.resolve(Response.json({ ok: true }));
  }
  const destination = createDestination(definition, { fetch });
  const settings = { apiKey: KEY };

  await t.step("a 302 GET is followed without the key", async () => {
    const result = await destination.executeAction("read", {
      event: {},
      settings,
      mapping: {},
    });
    assert.equal(result.status, "delivered");
    assert.deepEqual(arrivals.map((a) => [a.url, a.key]), [
      ["https://api.acme.test/read", KEY],
      ["https://evil.test/r", null],
    ]);
  });
  await t.step(
    "a 307 POST is refused: failed, not retryable, nothing sent there",
    async () => {
      arrivals.length = 0;
      const result = await destination.executeAction("send", {
        event: {},
        settings,
        mapping: {},
      });
      assert.equal(result.status, "failed");
      assert.equal(result.error?.code, "REDIRECT_REFUSED");
      assert.equal(result.error?.retryable, false);
      assert.deepEqual(arrivals.map((a) => a.url), [
        "https://api.acme.test/send",
      ]);
    },
  );
});

Deno.test("a host caps response bodies with maxResponseBytes", async () => {
  const fetch = () => Promise.resolve(new Response("x".repeat(2048)));
  const destination = createDestination(definition, {
    fetch,
    maxResponseBytes: 1024,
  });
  const result = await destination.executeAction("read", {
    event: {},
    settings: { apiKey: KEY },
    mapping: {},
  });
  assert.equal(result.status, "failed");
  assert.equal(result.error?.code, "RESPONSE_TOO_LARGE");
  assert.equal(result.error?.retryable, false);
  const roomy = await destination.executeAction("read", {
    event: {},
    settings: { apiKey: KEY },
    mapping: {},
  }, { maxResponseBytes: 4096 });
  assert.equal(roomy.status, "delivered");
  assert.throws(
    () => createDestination(definition, { maxResponseBytes: -1 }),
    RangeError,
  );
});
