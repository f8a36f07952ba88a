// Differential test: Segment's request client (@segment/actions-core, the oracle) and ours
// put the same request on the wire for the options destinations use.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { createRequestClient, type RequestOptions } from "../mod.ts";

const require = createRequire(import.meta.url);
const segment = require("@segment/actions-core") as {
  createRequestClient: (
    ...options: unknown[]
  ) => (url: string, options?: unknown) => Promise<{ data: unknown }>;
};

interface Wire {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

// Headers the transport adds (they differ between node-fetch and Deno's fetch by design).
const TRANSPORT = new Set([
  "accept",
  "accept-encoding",
  "accept-language",
  "connection",
  "content-length",
  "host",
]);

const CASES: Array<
  {
    name: string;
    path?: string;
    client: RequestOptions[];
    call?: RequestOptions;
  }
> = [
  { name: "a bare GET", client: [] },
  {
    name: "the bench: extendRequest Bearer, POST json",
    client: [{
      headers: { Authorization: "Bearer bench_sk_live_4f9c2a7d1e8b6035" },
    }],
    call: {
      method: "post",
      json: { event_name: "Product Viewed", user: {}, n: 1.5 },
    },
  },
  {
    name: "lower-case put with a string body",
    client: [],
    call: { method: "put", body: "a=1" },
  },
  {
    name: "searchParams object replacing a query",
    path: "/t?old=1",
    client: [],
    call: { searchParams: { q: "a b", n: 5, t: true } },
  },
  {
    name: "searchParams as URLSearchParams",
    client: [],
    call: { searchParams: new URLSearchParams([["id", "1"], ["id", "2"]]) },
  },
  {
    name: "Basic auth from extendRequest, UTF-8",
    client: [{ username: "ünï", password: "p:w" }],
    call: { method: "DELETE" },
  },
  { name: "Basic auth with only a password", client: [{ password: "secret" }] },
  {
    name: "Basic auth beats an Authorization header",
    client: [{ headers: { Authorization: "Bearer x" } }],
    call: { username: "u", password: "p" },
  },
  {
    name: "headers merged case-insensitively, undefined removes",
    client: [{ headers: { "X-A": "1", "X-B": "1", "X-C": "1" } }, {
      headers: { "x-b": "2" },
    }],
    call: { headers: { "X-C": "undefined", "X-D": "4" } },
  },
  {
    name: "a user agent of the destination's",
    client: [{ headers: { "User-Agent": "acme/1.0" } }],
  },
  {
    name: "json arrays and null",
    client: [],
    call: { method: "PATCH", json: [1, "two", null, { three: 3 }] },
  },
];

Deno.test("createRequestClient() sends what Segment's client sends", async (t) => {
  const received: Wire[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of request.headers) {
        if (!TRANSPORT.has(name)) {
          headers[name] = value;
        }
      }
      const url = new URL(request.url);
      received.push({
        method: request.method,
        url: url.pathname + url.search,
        headers,
        body: await request.text(),
      });
      return Response.json({ ok: true });
    },
  );
  const base = `http://127.0.0.1:${server.addr.port}`;

  for (const c of CASES) {
    await t.step(c.name, async () => {
      received.length = 0;
      const url = `${base}${c.path ?? "/t"}`;
      const theirs = await segment.createRequestClient(...c.client)(
        url,
        c.call,
      );
      const ours = await createRequestClient(...c.client)(url, c.call);
      assert.equal(received.length, 2);
      assert.deepEqual(received[1], received[0]);
      assert.deepEqual(ours.data, theirs.data);
    });
  }
  await server.shutdown();
});
