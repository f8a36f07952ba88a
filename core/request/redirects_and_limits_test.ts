// Issue 13, item 7: credentials stay on their origin, bodies are capped, retries back off.
import assert from "node:assert/strict";
import {
  createRequestClient,
  type FetchFunction,
  HTTPError,
  IntegrationError,
  ResponseTooLargeError,
} from "../mod.ts";
import { retryDelay } from "./mod.ts";
import { describeFetchCall, type SeenRequest } from "./_test_fetch.ts";

const A = "https://api.acme.test";
const B = "https://evil.test";
const KEY = "key-0123456789";

/** A fake network: `routes` answers by URL; every arrival is recorded. */
function network(routes: Record<string, () => Response>) {
  const arrivals: SeenRequest[] = [];
  const fetch: FetchFunction = (url, init) => {
    arrivals.push(describeFetchCall(url, init));
    const route = routes[url];
    return Promise.resolve(
      route === undefined ? Response.json({ at: url }) : route(),
    );
  };
  return { fetch, arrivals };
}

function redirect(status: number, location: string): () => Response {
  return () => new Response("moved", { status, headers: { location } });
}

const CREDENTIALS = {
  authorization: `Bearer ${KEY}`,
  "x-api-key": KEY,
  "x-custom": `v1:${KEY}`,
  cookie: "session=abcdef",
  accept: "application/json",
};

Deno.test("redirects: credentials and bodies stay on their origin", async (t) => {
  await t.step("same origin: followed with every header", async () => {
    const { fetch, arrivals } = network({ [`${A}/a`]: redirect(302, "/b") });
    const request = createRequestClient({ fetch, headers: CREDENTIALS });
    const response = await request(`${A}/a`);
    assert.equal(response.redirected, true);
    assert.deepEqual(response.data, { at: `${A}/b` });
    assert.equal(arrivals.length, 2);
    assert.equal(arrivals[1].url, `${A}/b`);
    assert.equal(arrivals[1].headers.authorization, `Bearer ${KEY}`);
    assert.equal(arrivals[1].headers["x-api-key"], KEY);
  });

  await t.step("same origin: a 307 re-sends the method and body", async () => {
    const { fetch, arrivals } = network({ [`${A}/a`]: redirect(307, "/b") });
    const request = createRequestClient({ fetch, headers: CREDENTIALS });
    await request(`${A}/a`, { method: "post", json: { n: 1 } });
    assert.deepEqual(
      arrivals.map((a) => [a.method, a.url, a.body]),
      [["POST", `${A}/a`, '{"n":1}'], ["POST", `${A}/b`, '{"n":1}']],
    );
  });

  await t.step("a 303 after a POST becomes a GET without body", async () => {
    const { fetch, arrivals } = network({ [`${A}/a`]: redirect(303, "/b") });
    const request = createRequestClient({ fetch });
    await request(`${A}/a`, { method: "post", json: { n: 1 } });
    assert.equal(arrivals[1].method, "GET");
    assert.equal(arrivals[1].body, undefined);
    assert.equal(arrivals[1].headers["content-type"], undefined);
  });

  await t.step(
    "another origin: followed without any credential header",
    async () => {
      const { fetch, arrivals } = network({
        [`${A}/a`]: redirect(302, `${B}/steal`),
      });
      const request = createRequestClient({
        fetch,
        headers: CREDENTIALS,
        secrets: [KEY],
        username: "me",
        password: "pa55word",
      });
      const response = await request(`${A}/a`);
      assert.deepEqual(response.data, { at: `${B}/steal` });
      const sent = arrivals[1].headers;
      assert.deepEqual(Object.keys(sent).sort(), ["accept", "user-agent"]);
      assert.ok(!JSON.stringify(arrivals[1]).includes(KEY));
    },
  );

  await t.step(
    "another origin: a 307 or 308 with a body is refused",
    async () => {
      for (const status of [307, 308]) {
        const { fetch, arrivals } = network({
          [`${A}/a`]: redirect(status, `${B}/steal`),
        });
        const request = createRequestClient({
          fetch,
          headers: CREDENTIALS,
          retry: { limit: 3, baseMs: 0 },
        });
        await assert.rejects(
          request(`${A}/a`, { method: "post", json: { key: KEY } }),
          (error) => {
            assert.ok(error instanceof IntegrationError);
            assert.equal(error.code, "REDIRECT_REFUSED");
            assert.equal(error.retryable, false);
            assert.equal(
              error.message,
              `Cannot send POST ${A}/a: refused to follow a redirect: a ${status} would send the body to another origin (${B}/)`,
            );
            return true;
          },
        );
        assert.deepEqual(arrivals.map((a) => a.url), [`${A}/a`]);
      }
    },
  );

  await t.step("a scheme other than http(s) is refused", async () => {
    const { fetch } = network({
      [`${A}/a`]: redirect(302, "file:///etc/passwd"),
    });
    await assert.rejects(createRequestClient({ fetch })(`${A}/a`), {
      code: "REDIRECT_REFUSED",
    });
  });

  await t.step(
    'redirectCredentials: "always" keeps credentials across origins',
    async () => {
      const { fetch, arrivals } = network({
        [`${A}/a`]: redirect(308, `${B}/partner-owned`),
      });
      const request = createRequestClient({
        fetch,
        headers: CREDENTIALS,
        redirectCredentials: "always",
      });
      await request(`${A}/a`, { method: "post", json: { n: 1 } });
      assert.equal(arrivals[1].headers["x-api-key"], KEY);
      assert.equal(arrivals[1].body, '{"n":1}');
    },
  );

  await t.step('"manual" leaves the redirect to the caller', async () => {
    const { fetch, arrivals } = network({
      [`${A}/a`]: redirect(302, `${B}/x`),
    });
    await assert.rejects(
      createRequestClient({ fetch })(`${A}/a`, { redirect: "manual" }),
      HTTPError,
    );
    assert.equal(arrivals.length, 1);
  });
});

Deno.test("redirects between two loopback servers (real fetch)", async (t) => {
  const seen: Record<string, string | null>[] = [];
  const target = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      seen.push({
        authorization: request.headers.get("authorization"),
        key: request.headers.get("x-api-key"),
      });
      return Response.json({ ok: true });
    },
  );
  const other = `http://127.0.0.1:${target.addr.port}`;
  const origin = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      const path = new URL(request.url).pathname;
      if (path === "/same") {
        return Response.json({ key: request.headers.get("x-api-key") });
      }
      return new Response(null, {
        status: path === "/post" ? 307 : 302,
        headers: { location: path === "/local" ? "/same" : `${other}/landing` },
      });
    },
  );
  const base = `http://127.0.0.1:${origin.addr.port}`;
  const request = createRequestClient({
    headers: { authorization: `Bearer ${KEY}`, "x-api-key": KEY },
  });
  try {
    await t.step("same origin keeps the key", async () => {
      const response = await request(`${base}/local`);
      assert.deepEqual(response.data, { key: KEY });
      assert.equal(response.redirected, true);
    });
    await t.step(
      "another port is another origin: the key stays behind",
      async () => {
        await request(`${base}/away`);
        assert.deepEqual(seen, [{ authorization: null, key: null }]);
      },
    );
    await t.step("a 307 POST to another origin is refused", async () => {
      await assert.rejects(
        request(`${base}/post`, { method: "post", json: {} }),
        {
          code: "REDIRECT_REFUSED",
        },
      );
      assert.equal(seen.length, 1);
    });
  } finally {
    await origin.shutdown();
    await target.shutdown();
  }
});

/** A response streaming `total` bytes in 1 MiB chunks, optionally declaring its length. */
function bigResponse(total: number, declare: boolean): Response {
  const chunk = new Uint8Array(1024 * 1024).fill(97);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk.length, total - sent);
      controller.enqueue(
        size === chunk.length ? chunk : chunk.subarray(0, size),
      );
      sent += size;
    },
  });
  const headers: Record<string, string> = {};
  if (declare) headers["content-length"] = String(total);
  return new Response(body, { headers });
}

Deno.test("response bodies are capped by maxResponseBytes", async (t) => {
  const MiB = 1024 * 1024;
  const cases: Array<[string, number, boolean, number | undefined]> = [
    ["a streamed body past the default 32 MiB", 40 * MiB, false, undefined],
    ["a declared content-length past the default", 400 * MiB, true, undefined],
    ["a streamed body past a set limit", 3 * MiB, false, MiB],
  ];
  for (const [name, total, declare, max] of cases) {
    await t.step(`${name}: typed, not retried`, async () => {
      let attempts = 0;
      const request = createRequestClient({
        fetch: () => {
          attempts++;
          return Promise.resolve(bigResponse(total, declare));
        },
        retry: { limit: 3, baseMs: 0 },
        maxResponseBytes: max,
      });
      await assert.rejects(request(`${A}/export`), (error) => {
        assert.ok(error instanceof ResponseTooLargeError);
        assert.equal(error.code, "RESPONSE_TOO_LARGE");
        assert.equal(error.retryable, false);
        assert.equal(error.maxBytes, max ?? 32 * MiB);
        assert.match(
          error.message,
          /^Cannot send GET https:\/\/api\.acme\.test\/export: the response body is larger than \d+ bytes/,
        );
        return true;
      });
      assert.equal(attempts, 1);
    });
  }
  await t.step("a body at the limit is read whole", async () => {
    const request = createRequestClient({
      fetch: () => Promise.resolve(bigResponse(MiB, true)),
      maxResponseBytes: MiB,
    });
    const response = await request(`${A}/export`);
    assert.equal(response.content.length, MiB);
  });
  await t.step(
    "multi-byte text split across chunks decodes whole",
    async () => {
      const bytes = new TextEncoder().encode("é€😀".repeat(1000));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 7) {
            controller.enqueue(bytes.subarray(i, i + 7));
          }
          controller.close();
        },
      });
      const request = createRequestClient({
        fetch: () => Promise.resolve(new Response(body)),
      });
      assert.equal((await request(`${A}/t`)).content, "é€😀".repeat(1000));
    },
  );
  await t.step("a limit that is not positive is refused", () => {
    assert.throws(
      () => createRequestClient({ maxResponseBytes: 0 }),
      RangeError,
    );
  });
});

Deno.test("retries keep a minimum backoff and stay bounded", async (t) => {
  const zero = new Headers({ "retry-after": "0" });
  await t.step("Retry-After: 0 never shortens the backoff", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, zero));
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 16000, 30000]);
    assert.equal(retryDelay(2, zero, { baseMs: 100 }), 200);
  });
  await t.step("maxMs above the timer range is clamped", () => {
    const huge = { baseMs: 2 ** 35, maxMs: 2 ** 40 };
    assert.equal(retryDelay(1, new Headers(), huge), 2 ** 31 - 1);
  });
  await t.step("a high limit makes at most 10 retries", async () => {
    let attempts = 0;
    const request = createRequestClient({
      fetch: () => {
        attempts++;
        return Promise.resolve(
          new Response(null, { status: 503, headers: { "retry-after": "0" } }),
        );
      },
      retry: { limit: 200, baseMs: 0 },
    });
    await assert.rejects(request(`${A}/busy`), HTTPError);
    assert.equal(attempts, 11);
  });
  await t.step(
    "a Retry-After past the timer range with a huge maxMs does not retry at once",
    async () => {
      let attempts = 0;
      const request = createRequestClient({
        fetch: () => {
          attempts++;
          return Promise.resolve(
            new Response(null, {
              status: 429,
              headers: { "retry-after": "3000000" },
            }),
          );
        },
        retry: { limit: 5, baseMs: 0, maxMs: 2 ** 40 },
      });
      await assert.rejects(request(`${A}/busy`), HTTPError);
      assert.equal(attempts, 1);
    },
  );
  await t.step("baseMs or maxMs that is not a number is refused", () => {
    assert.throws(
      () => createRequestClient({ retry: { limit: 1, baseMs: NaN } }),
      RangeError,
    );
    assert.throws(
      () => createRequestClient({ retry: { limit: 1, maxMs: -1 } }),
      RangeError,
    );
  });
});
