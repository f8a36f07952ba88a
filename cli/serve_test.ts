import assert from "node:assert/strict";
import { join } from "node:path";
import { type ServeOptions, startTester, type Tester } from "./serve.ts";
import {
  callTester as api,
  createWorkspace,
  editFile,
  scaffoldTrack,
} from "./_testing.ts";

// Sends one raw HTTP/1.1 request, so that `Host` is exactly what a foreign page (or DNS rebinding) sends.
async function rawRequest(port: number, lines: string[], body = "") {
  const connection = await Deno.connect({ hostname: "127.0.0.1", port });
  const bytes = new TextEncoder().encode(body);
  const head = [
    ...lines,
    `content-length: ${bytes.byteLength}`,
    "connection: close",
  ];
  await connection.write(
    new TextEncoder().encode(`${head.join("\r\n")}\r\n\r\n`),
  );
  if (bytes.byteLength > 0) await connection.write(bytes);
  let text = "";
  const buffer = new Uint8Array(16 * 1024);
  for (let reads = 0; reads < 100; reads++) {
    const read = await connection.read(buffer);
    if (read === null) break;
    text += new TextDecoder().decode(buffer.subarray(0, read));
  }
  connection.close();
  const status = Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]);
  return { status, body: text.slice(text.indexOf("\r\n\r\n") + 4) };
}

const event = {
  type: "track",
  event: "Order Completed",
  userId: "user-1",
  properties: { total: 42 },
};

/** POST /api/run of `event` through the scaffold's `track`, with `changes` to that body. */
function runTrack(tester: Tester, changes: Record<string, unknown> = {}) {
  return api(tester, "/api/run", {
    destination: "actions-acme",
    action: "track",
    settings: { apiKey: "k-1" },
    event,
    ...changes,
  });
}

/** A tester on a workspace holding the scaffolded actions-acme. */
interface Fixture {
  tester: Tester;
  root: string;
  directory: string;
  /** The file of the `track` action. */
  file: string;
}

/**
 * Runs `fn` with a tester (started with `options`) on a workspace holding the scaffolded
 * actions-acme, whose `track` action `edit` may change first; then stops and removes both.
 */
async function withTester(
  options: ServeOptions,
  fn: (fixture: Fixture) => Promise<void>,
  edit?: (source: string) => string,
): Promise<void> {
  const root = await createWorkspace();
  const directory = join(root, "destinations");
  const file = await scaffoldTrack(directory);
  if (edit !== undefined) await editFile(file, edit);
  const tester = startTester({ port: 0, directory, check: false, ...options });
  try {
    await fn({ tester, root, directory, file });
  } finally {
    await tester.shutdown();
    await Deno.remove(root, { recursive: true });
  }
}

Deno.test("deno task serve answers its API on 127.0.0.1", async (t) => {
  await withTester({}, async ({ tester, root, file }) => {
    await t.step(
      "GET / is the tester page, carrying the launch token",
      async () => {
        const response = await fetch(tester.url);
        assert.equal(
          response.headers.get("content-type"),
          "text/html; charset=utf-8",
        );
        const page = await response.text();
        assert.match(page, /<title>destkit tester<\/title>/);
        assert.ok(page.includes(`content="${tester.token}"`));
      },
    );

    await t.step(
      "GET /api/destinations lists destinations with their actions",
      async () => {
        const body = await (await api(tester, "/api/destinations")).json();
        assert.equal(body.live, false);
        assert.equal(body.destinations[0].slug, "actions-acme");
        assert.equal(body.destinations[0].actions.track.title, "Track");
      },
    );

    await t.step(
      "POST /api/run with an action returns the payload, each request once and the result",
      async () => {
        const response = await runTrack(tester);
        const body = await response.json();
        assert.equal(response.status, 200);
        assert.deepEqual(body.payload, {
          userId: "user-1",
          event: "Order Completed",
          properties: { total: 42 },
        });
        assert.equal(body.results[0].status, "delivered");
        assert.equal(body.results[0].requests, undefined);
        assert.deepEqual(
          body.requests.map((r: { method: string; url: string }) =>
            `${r.method} ${r.url}`
          ),
          ["POST https://api.example.com/v1/track"],
        );
      },
    );

    await t.step(
      "POST /api/run hides a password setting in the requests it shows",
      async () => {
        const text = await (await runTrack(tester, {
          settings: { apiKey: "k-secret-7f3a" },
        })).text();
        assert.ok(!text.includes("k-secret-7f3a"), text);
        const body = JSON.parse(text);
        assert.equal(body.requests[0].headers.authorization, "[redacted]");
      },
    );

    await t.step(
      "POST /api/run without an action runs the default subscriptions",
      async () => {
        const body = await (await runTrack(tester, { action: undefined }))
          .json();
        assert.deepEqual(
          body.results.map((result: { status: string }) => result.status),
          ["delivered"],
        );
      },
    );

    await t.step("POST /api/batch gives one result per event", async () => {
      const events = [1, 2, 3].map((n) => ({ ...event, userId: `user-${n}` }));
      const body = await (await api(tester, "/api/batch", {
        destination: "actions-acme",
        action: "track",
        settings: { apiKey: "k-1" },
        events,
      })).json();
      assert.deepEqual(
        body.results.map((result: { status: string }) => result.status),
        ["delivered", "delivered", "delivered"],
      );
    });

    await t.step(
      "POST /api/test-authentication and /api/delete answer",
      async () => {
        const auth = await (await api(tester, "/api/test-authentication", {
          destination: "actions-acme",
          settings: { apiKey: "k-1" },
        })).json();
        assert.equal(auth.ok, true);
        const deleted = await (await api(tester, "/api/delete", {
          destination: "actions-acme",
          settings: { apiKey: "k-1" },
          event: { userId: "user-1" },
        })).json();
        assert.ok(["skipped", "delivered"].includes(deleted.status));
      },
    );

    await t.step(
      "/api/run without an event, or with an unknown destination or action, is a 400 naming it",
      async () => {
        const cases: [unknown, RegExp][] = [
          [{ destination: "actions-acme", action: "track" }, /no "event"/],
          [{ destination: "nope", event }, /Cannot find destination "nope"/],
          [
            { destination: "actions-acme", action: "nope", event },
            /Cannot find action "nope"/,
          ],
          [
            { destination: "actions-acme", event, settings: [1] },
            /"settings" is not a JSON object/,
          ],
        ];
        for (const [body, message] of cases) {
          const response = await api(tester, "/api/run", body);
          assert.equal(response.status, 400, JSON.stringify(body));
          const text = await response.text();
          assert.match(JSON.parse(text).error, message);
          assert.ok(!text.includes(root), `an absolute path in ${text}`);
        }
      },
    );

    await t.step(
      "an edit shows up on the next run, and the answer says it reloaded",
      async () => {
        const source = await editFile(
          file,
          (text) => text.replace('request("track"', 'request("track-v2"'),
        );
        const body = await (await runTrack(tester)).json();
        assert.equal(body.reload.reloaded, true);
        assert.equal(
          body.requests[0].url,
          "https://api.example.com/v1/track-v2",
          "an edit of an imported file (not index.ts) is seen",
        );
        await Deno.writeTextFile(file, source);
      },
    );

    await t.step(
      "a destination that no longer loads answers 422 with the error, not a stale result",
      async () => {
        const source = await editFile(
          file,
          (text) => `${text}\nthrow new Error("broken on purpose");\n`,
        );
        const response = await runTrack(tester, { settings: undefined });
        const text = await response.text();
        await Deno.writeTextFile(file, source);
        assert.equal(response.status, 422);
        const body = JSON.parse(text);
        assert.equal(body.stage, "load");
        assert.match(body.error, /broken on purpose/);
        assert.equal(body.results, undefined);
        assert.ok(!text.includes(root), `an absolute path in ${text}`);
      },
    );
  });
});

Deno.test("deno task serve refuses what a foreign web page sends", async (t) => {
  const run = JSON.stringify({ destination: "actions-acme", event });
  const options = { maxBodyBytes: 4096 };
  await withTester(options, async ({ tester, root, directory }) => {
    const port = tester.addr.port;
    await t.step(
      "a foreign Host (DNS rebinding) is refused, for the page and the API",
      async () => {
        for (const path of ["/", "/api/destinations"]) {
          const answer = await rawRequest(port, [
            `GET ${path} HTTP/1.1`,
            "host: evil.example:" + port,
            `x-destkit-token: ${tester.token}`,
          ]);
          assert.equal(answer.status, 421, path);
          assert.ok(!answer.body.includes(tester.token));
        }
      },
    );

    await t.step(
      "loopback names with the served port are answered",
      async () => {
        for (const host of ["127.0.0.1", "localhost", "[::1]"]) {
          const answer = await rawRequest(port, [
            "GET / HTTP/1.1",
            `host: ${host}:${port}`,
          ]);
          assert.equal(answer.status, 200, host);
        }
        const otherPort = await rawRequest(port, [
          "GET / HTTP/1.1",
          "host: 127.0.0.1:1",
        ]);
        assert.equal(otherPort.status, 421);
      },
    );

    await t.step("a cross-origin text/plain POST is refused", async () => {
      const answer = await rawRequest(port, [
        "POST /api/run HTTP/1.1",
        `host: 127.0.0.1:${port}`,
        "origin: https://evil.example",
        "content-type: text/plain",
      ], run);
      assert.equal(answer.status, 403);
    });

    await t.step(
      "a foreign Origin is refused even with the token and JSON",
      async () => {
        const response = await api(tester, "/api/run", JSON.parse(run), {
          origin: "http://localhost:1",
        });
        assert.equal(response.status, 403);
        await response.body?.cancel();
      },
    );

    await t.step(
      "an API POST that is not application/json is refused",
      async () => {
        const response = await fetch(new URL("/api/run", tester.url), {
          method: "POST",
          headers: {
            "x-destkit-token": tester.token,
            "content-type": "text/plain",
          },
          body: run,
        });
        assert.equal(response.status, 415);
        await response.body?.cancel();
      },
    );

    await t.step(
      "an API call without the launch token is refused",
      async () => {
        for (const token of [undefined, "guess"]) {
          const response = await fetch(new URL("/api/run", tester.url), {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(token === undefined ? {} : { "x-destkit-token": token }),
            },
            body: run,
          });
          assert.equal(response.status, 403);
          await response.body?.cancel();
        }
        const asset = await fetch(
          new URL("/device/_/analytics.js", tester.url),
        );
        assert.equal(asset.status, 403);
        await asset.body?.cancel();
      },
    );

    await t.step("a body over the cap is refused with 413", async () => {
      const response = await api(tester, "/api/run", {
        destination: "actions-acme",
        event: { ...event, properties: { note: "x".repeat(5000) } },
      });
      assert.equal(response.status, 413);
      await response.body?.cancel();
    });

    await t.step("a body that is not JSON is a 400 saying so", async () => {
      const response = await fetch(new URL("/api/run", tester.url), {
        method: "POST",
        headers: {
          "x-destkit-token": tester.token,
          "content-type": "application/json",
        },
        body: '{"destination": ',
      });
      assert.equal(response.status, 400);
      assert.match(
        (await response.json()).error,
        /^Cannot read the request body: /,
      );
    });

    await t.step(
      "the tester's own fault is a 500 without absolute paths",
      async () => {
        await Deno.writeTextFile(
          join(directory, "actions-acme", "index.ts"),
          "export default 1;",
        );
        const response = await api(tester, "/api/destinations");
        const text = await response.text();
        assert.equal(response.status, 200);
        assert.ok(!text.includes(root), `an absolute path in ${text}`);
        await Deno.remove(directory, { recursive: true });
        const missing = await api(tester, "/api/run", JSON.parse(run));
        assert.equal(missing.status, 400);
        const missingText = await missing.text();
        assert.ok(
          !missingText.includes(root),
          `an absolute path in ${missingText}`,
        );
      },
    );
  });
});

Deno.test("a run that never ends is stopped and blocks no other request", async () => {
  await withTester({ timeoutMs: 2000 }, async ({ tester }) => {
    const stalled = runTrack(tester);
    const listed = await api(tester, "/api/destinations");
    assert.equal(listed.status, 200, "another request is answered meanwhile");
    await listed.body?.cancel();
    const response = await stalled;
    assert.equal(response.status, 504);
    assert.match(
      (await response.json()).error,
      /^Cannot finish the run: it took longer than 2 s/,
    );
  }, (source) =>
    source.replace(
      "perform: (request, { payload }) =>",
      "perform: (request, { payload }) => { for (;;); },\n  _old: (request, { payload }) =>",
    ));
});

Deno.test("a mapping that would abort V8 leaves the tester answering", async () => {
  let value: unknown = { "@path": "$.event" };
  for (let level = 0; level < 12; level++) {
    value = {
      "@replace": {
        value,
        pattern: "a",
        replacement: "$&$&$&$&$&",
        global: true,
      },
    };
  }
  // A small heap makes the run die sooner; the point is that the server lives on.
  const options = { maxHeapMb: 64, timeoutMs: 120_000 };
  await withTester(options, async ({ tester }) => {
    const response = await runTrack(tester, {
      mapping: { event: value, userId: "u-1" },
      event: { ...event, event: "a" },
    });
    const text = await response.text();
    assert.ok([200, 500].includes(response.status), text);
    if (response.status === 500) {
      assert.match(JSON.parse(text).error, /^Cannot finish the run: /);
    }
    const next = await api(tester, "/api/destinations");
    assert.equal(next.status, 200, "the tester still answers");
    await next.body?.cancel();
  });
});

Deno.test("deno task serve names a port in use and suggests --port 0", () => {
  const tester = startTester({ port: 0, check: false });
  try {
    assert.throws(
      () => startTester({ port: tester.addr.port, check: false }),
      { message: `port ${tester.addr.port} is in use; try --port 0` },
    );
  } finally {
    tester.shutdown();
  }
});
