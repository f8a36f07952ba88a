import assert from "node:assert/strict";
import {
  AbortError,
  createRequestClient,
  ErrorCodes,
  type FetchFunction,
  HTTPError,
  IntegrationError,
  NetworkError,
  TimeoutError,
} from "../mod.ts";

/** A loopback server with one route per failure; handlers that hang end at `close()`. */
function startServer() {
  const hanging: Array<(response: Response) => void> = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      const path = new URL(request.url).pathname;
      switch (path) {
        case "/hang":
          return new Promise<Response>((resolve) => hanging.push(resolve));
        case "/half": {
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"partial":'));
            },
          });
          return new Response(body, {
            headers: { "content-type": "application/json" },
          });
        }
        case "/html500":
          return new Response(
            "<html><body>Internal Server Error</body></html>",
            {
              status: 500,
              headers: { "content-type": "text/html" },
            },
          );
        case "/json422":
          return Response.json({ errors: [{ field: "email" }] }, {
            status: 422,
          });
        case "/busy":
          return Response.json({ error: "slow down" }, {
            status: 429,
            headers: { "retry-after": "120" },
          });
        case "/loop":
          return new Response(null, {
            status: 302,
            headers: { location: "/loop" },
          });
        case "/moved":
          return new Response(null, {
            status: 301,
            headers: { location: "/echo?token=abc" },
          });
        default:
          return Response.json({
            path,
            auth: request.headers.get("authorization"),
          });
      }
    },
  );
  async function close() {
    for (const resolve of hanging) resolve(new Response(null));
    await server.shutdown();
  }
  return { close, base: `http://127.0.0.1:${server.addr.port}` };
}

/** A raw TCP server that closes every connection; with `partial`, after half a response. */
function startResetServer(partial: boolean) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const done = (async () => {
    for await (const connection of listener) {
      if (partial) {
        const buffer = new Uint8Array(4096);
        await connection.read(buffer).catch(() => null);
        const head =
          "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{";
        await connection.write(new TextEncoder().encode(head)).catch(() => 0);
      }
      connection.close();
    }
  })();
  const port = (listener.addr as Deno.NetAddr).port;
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      listener.close();
      await done.catch(() => {});
    },
  };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

function check(
  expected: {
    // deno-lint-ignore no-explicit-any
    class: abstract new (...args: any[]) => IntegrationError;
    message: string;
    code: string;
    status: number;
    retryable: boolean;
  },
) {
  return (error: unknown) => {
    assert.ok(
      error instanceof expected.class,
      `${error} is not a ${expected.class.name}`,
    );
    assert.ok(error instanceof IntegrationError);
    assert.equal(error.message, expected.message);
    assert.equal(error.code, expected.code);
    assert.equal(error.status, expected.status);
    assert.equal(error.retryable, expected.retryable);
    return true;
  };
}

Deno.test("request() against a real server gives typed errors naming what is wrong", async (t) => {
  const { close, base } = startServer();
  const request = createRequestClient({ timeout: 50 });

  await t.step("a server that hangs: TimeoutError", async () => {
    await assert.rejects(
      request(`${base}/hang`, { method: "post", json: { a: 1 } }),
      check({
        class: TimeoutError,
        message: `Cannot send POST ${base}/hang: no response within 50 ms`,
        code: ErrorCodes.ETIMEDOUT,
        status: 408,
        retryable: true,
      }),
    );
  });

  await t.step("a body that never completes: TimeoutError", async () => {
    await assert.rejects(
      request(`${base}/half`),
      check({
        class: TimeoutError,
        message:
          `Cannot send GET ${base}/half: response body not complete within 50 ms`,
        code: ErrorCodes.ETIMEDOUT,
        status: 408,
        retryable: true,
      }),
    );
  });

  await t.step("500 with HTML: HTTPError keeping the body", async () => {
    await assert.rejects(
      request(`${base}/html500`, { method: "PUT", body: "x" }),
      (error) => {
        check({
          class: HTTPError,
          message: `Cannot send PUT ${base}/html500: received status 500`,
          code: ErrorCodes.HTTP_ERROR,
          status: 500,
          retryable: true,
        })(error);
        const http = error as HTTPError;
        assert.equal(
          http.content,
          "<html><body>Internal Server Error</body></html>",
        );
        assert.equal(http.data, http.content);
        assert.equal(http.response.status, 500);
        assert.equal(http.request.method, "PUT");
        assert.equal(http.request.url, `${base}/html500`);
        return true;
      },
    );
  });

  await t.step(
    "422 with JSON: HTTPError with the parsed body, not retryable",
    async () => {
      await assert.rejects(request(`${base}/json422`), (error) => {
        assert.ok(error instanceof HTTPError);
        assert.equal(error.retryable, false);
        assert.deepEqual(error.data, { errors: [{ field: "email" }] });
        return true;
      });
    },
  );

  await t.step("429 with Retry-After: retryable, with the wait", async () => {
    await assert.rejects(request(`${base}/busy`), (error) => {
      assert.ok(error instanceof HTTPError);
      assert.equal(error.status, 429);
      assert.equal(error.retryable, true);
      assert.equal(error.retryAfterMs, 120_000);
      return true;
    });
  });

  await t.step("a redirect loop: NetworkError", async () => {
    await assert.rejects(
      // 21 round trips: more than the 50 ms of the other steps on a loaded machine.
      request(`${base}/loop`, { timeout: 10_000 }),
      check({
        class: NetworkError,
        message: `Cannot send GET ${base}/loop: too many redirects`,
        code: ErrorCodes.NETWORK_ERROR,
        status: 503,
        retryable: true,
      }),
    );
  });

  await t.step('a redirect with redirect "error": NetworkError', async () => {
    await assert.rejects(request(`${base}/moved`, { redirect: "error" }), {
      name: "NetworkError",
      message:
        `Cannot send GET ${base}/moved: redirected while redirect is "error"`,
    });
  });

  await t.step(
    'a redirect with redirect "manual": HTTPError naming the target, redacted',
    async () => {
      await assert.rejects(request(`${base}/moved`, { redirect: "manual" }), {
        name: "HTTPError",
        message:
          `Cannot send GET ${base}/moved: received status 301 (redirect to ${base}/echo?token=[redacted])`,
      });
    },
  );

  await t.step("a followed redirect succeeds", async () => {
    const response = await request(`${base}/moved`);
    assert.equal(response.redirected, true);
    assert.deepEqual(response.data, { path: "/echo", auth: null });
  });

  await t.step(
    "the caller's signal aborts a hanging request: AbortError",
    async () => {
      const controller = new AbortController();
      const pending = request(`${base}/hang`, {
        signal: controller.signal,
        timeout: 5000,
      });
      setTimeout(() => controller.abort(new Error("shutting down")), 10);
      await assert.rejects(pending, (error) => {
        check({
          class: AbortError,
          message: `Cannot send GET ${base}/hang: aborted by its signal`,
          code: ErrorCodes.ABORTED,
          status: 499,
          retryable: true,
        })(error);
        assert.equal(
          ((error as Error).cause as Error).message,
          "shutting down",
        );
        return true;
      });
    },
  );

  await t.step("an already aborted signal sends nothing", async () => {
    const infos: number[] = [];
    await assert.rejects(
      request(`${base}/echo`, {
        signal: AbortSignal.abort(),
        onResponse: (i) => infos.push(i.status),
      }),
      AbortError,
    );
    assert.deepEqual(infos, [0]);
  });

  await t.step("the timeout still applies with a signal", async () => {
    const controller = new AbortController();
    await assert.rejects(
      request(`${base}/hang`, { signal: controller.signal }),
      TimeoutError,
    );
  });

  await t.step("timeout false with a signal", async () => {
    const pending = request(`${base}/hang`, {
      timeout: false,
      signal: AbortSignal.timeout(30),
    });
    await assert.rejects(pending, AbortError);
  });

  await close();
});

Deno.test("request() against a connection that breaks gives a NetworkError", async (t) => {
  const request = createRequestClient({ timeout: 2000 });

  await t.step("refused", async () => {
    const url = `http://127.0.0.1:${freePort()}/track`;
    await assert.rejects(
      request(url, { method: "post", json: {} }),
      (error) => {
        check({
          class: NetworkError,
          message: `Cannot send POST ${url}: connection refused`,
          code: ErrorCodes.NETWORK_ERROR,
          status: 503,
          retryable: true,
        })(error);
        assert.ok((error as Error).cause instanceof Error);
        return true;
      },
    );
  });

  await t.step("reset before any response", async () => {
    const reset = startResetServer(false);
    await assert.rejects(request(`${reset.base}/track`), {
      name: "NetworkError",
      message: `Cannot send GET ${reset.base}/track: connection reset`,
    });
    await reset.close();
  });

  await t.step("reset in the middle of the body", async () => {
    const reset = startResetServer(true);
    await assert.rejects(request(`${reset.base}/track`), {
      name: "NetworkError",
      message:
        `Cannot send GET ${reset.base}/track: connection reset while reading the response body`,
    });
    await reset.close();
  });
});

Deno.test("request() with an injected fetch gives the same typed errors", async (t) => {
  const url = "https://api.acme.test/v1/track";

  await t.step("a fetch that hangs until aborted: TimeoutError", async () => {
    const fetch: FetchFunction = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener(
          "abort",
          () => reject(init.signal?.reason),
        );
      });
    await assert.rejects(createRequestClient({ fetch, timeout: 20 })(url), {
      name: "TimeoutError",
      message: `Cannot send GET ${url}: no response within 20 ms`,
    });
  });

  await t.step("a fetch that ignores the signal still times out", async () => {
    const fetch: FetchFunction = () => new Promise(() => {});
    await assert.rejects(
      createRequestClient({ fetch, timeout: 20 })(url),
      TimeoutError,
    );
  });

  await t.step(
    "a short timeout fires on time while a long one is pending",
    async () => {
      const fetch: FetchFunction = (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener(
            "abort",
            () => reject(init.signal?.reason),
          );
        });
      const request = createRequestClient({ fetch });
      const controller = new AbortController();
      const long = request(url, { timeout: 5000, signal: controller.signal })
        .catch((error) => error);
      const started = Date.now();
      await assert.rejects(request(url, { timeout: 20 }), TimeoutError);
      assert.ok(Date.now() - started < 1000);
      controller.abort();
      assert.ok((await long) instanceof AbortError);
    },
  );

  await t.step(
    "a fetch that fails like a reset: NetworkError with the cause",
    async () => {
      const cause = new TypeError("fetch failed", {
        cause: new Error(
          "client error (SendRequest): connection closed before message completed",
        ),
      });
      const fetch: FetchFunction = () => Promise.reject(cause);
      await assert.rejects(
        createRequestClient({ fetch })(url, { method: "delete" }),
        (error) => {
          assert.ok(error instanceof NetworkError);
          assert.equal(
            error.message,
            `Cannot send DELETE ${url}: connection reset`,
          );
          assert.equal(error.cause, cause);
          return true;
        },
      );
    },
  );

  await t.step("an unknown failure is named with its message", async () => {
    const fetch: FetchFunction = () => Promise.reject(new Error("weird thing"));
    await assert.rejects(createRequestClient({ fetch })(url), {
      name: "NetworkError",
      message: `Cannot send GET ${url}: network error (weird thing)`,
    });
  });

  await t.step("an IntegrationError from fetch passes through", async () => {
    const own = new IntegrationError(
      "Cannot send: unexpected request",
      "UNEXPECTED",
      400,
    );
    const fetch: FetchFunction = () => Promise.reject(own);
    await assert.rejects(
      createRequestClient({ fetch })(url),
      (error) => error === own,
    );
  });

  await t.step('responseType "json" with a body that is not JSON', async () => {
    const fetch: FetchFunction = () => Promise.resolve(new Response("<html>"));
    await assert.rejects(
      createRequestClient({ fetch })(url, { responseType: "json" }),
      {
        name: "IntegrationError",
        code: "INVALID_RESPONSE",
        message:
          `Cannot send GET ${url}: received status 200 with a body that is not JSON`,
      },
    );
  });

  await t.step(
    "401 and 403 are HTTPErrors the runtime tells apart by status",
    async () => {
      for (const status of [401, 403]) {
        const fetch: FetchFunction = () =>
          Promise.resolve(new Response("no", { status }));
        await assert.rejects(createRequestClient({ fetch })(url), (error) => {
          assert.ok(error instanceof HTTPError);
          assert.equal(error.status, status);
          assert.equal(error.retryable, false);
          return true;
        });
      }
    },
  );
});

Deno.test("request() keeps secrets out of messages and the kept request", async (t) => {
  const apiKey = "sk_live_S3CR3T";
  const password = "pa ss/wörd";
  const seen: string[] = [];
  const fetch: FetchFunction = (url) => {
    seen.push(url);
    return Promise.reject(
      new TypeError("fetch failed", {
        cause: new Error(
          `error sending request for url (${url}): connection refused`,
        ),
      }),
    );
  };
  const failing: FetchFunction = () =>
    Promise.resolve(new Response(`bad key ${apiKey}`, { status: 400 }));

  function assertClean(text: string) {
    for (
      const secret of [
        apiKey,
        password,
        encodeURIComponent(password),
        "Bearer",
        btoa(`me:${password}`),
      ]
    ) {
      assert.ok(
        !text.includes(secret),
        `${JSON.stringify(text)} includes ${secret}`,
      );
    }
  }

  await t.step(
    "a NetworkError: userinfo, sensitive query names, secrets and its cause",
    async () => {
      const request = createRequestClient({ fetch, secrets: [apiKey] });
      const url = `https://me:${
        encodeURIComponent(password)
      }@api.acme.test/v1/${apiKey}/track?api_key=x1&page=2`;
      await assert.rejects(
        request(url, { headers: { Authorization: `Bearer ${apiKey}` } }),
        (error) => {
          assert.ok(error instanceof NetworkError);
          assert.equal(
            error.message,
            "Cannot send GET https://api.acme.test/v1/[redacted]/track?api_key=[redacted]&page=2: connection refused",
          );
          const cause = error.cause as Error;
          assertClean(`${cause.message} ${(cause.cause as Error).message}`);
          assert.ok(!(cause.cause as Error).message.includes("x1"));
          return true;
        },
      );
      assert.equal(seen.length, 1);
    },
  );

  await t.step(
    "a cause with 100,000 letters and URLs among them is cleaned in one pass",
    async () => {
      // The URL pattern re-read the letters from each of them: 25 s for this message.
      const letters = "a".repeat(100_000);
      const noisy: FetchFunction = (url) =>
        Promise.reject(
          new TypeError(
            `${letters} ${url} ${letters}x://y${apiKey} ${letters}`,
          ),
        );
      const request = createRequestClient({ fetch: noisy, secrets: [apiKey] });
      await assert.rejects(
        request(`https://api.acme.test/v1/${apiKey}?api_key=x1`),
        (error) => {
          assert.ok(error instanceof NetworkError);
          const cause = (error.cause as Error).message;
          assertClean(cause);
          assert.ok(
            cause.includes(
              ` https://api.acme.test/v1/[redacted]?api_key=[redacted] ${letters}`,
            ),
          );
          return true;
        },
      );
    },
  );

  await t.step(
    "an HTTPError: the request's Authorization, secret headers and body",
    async () => {
      const request = createRequestClient({
        fetch: failing,
        username: "me",
        password,
      }, {
        headers: { "X-Api-Key": apiKey, "X-Other": `v ${apiKey}` },
        secrets: [apiKey],
      });
      const error = await request(
        `https://api.acme.test/v1/track?key=${apiKey}`,
        {
          method: "post",
          json: { apiKey },
        },
      ).then(() => undefined, (error) => error);
      assert.ok(error instanceof HTTPError);
      assert.equal(
        error.message,
        "Cannot send POST https://api.acme.test/v1/track?key=[redacted]: received status 400",
      );
      const kept = error.request;
      assert.equal(kept.headers.get("authorization"), "[redacted]");
      assert.equal(kept.headers.get("x-api-key"), "[redacted]");
      assert.equal(kept.headers.get("x-other"), "v [redacted]");
      assert.equal(kept.headers.get("content-type"), "application/json");
      assert.equal(await kept.text(), '{"apiKey":"[redacted]"}');
      assertClean(`${kept.url} ${JSON.stringify([...kept.headers])}`);
      // A partner echoing the credential: the kept body hides it too (issue 13, item 6).
      assert.equal(error.content, "bad key [redacted]");
    },
  );

  await t.step("a TimeoutError", async () => {
    const hang: FetchFunction = () => new Promise(() => {});
    const request = createRequestClient({
      fetch: hang,
      timeout: 10,
      secrets: [apiKey],
    });
    await assert.rejects(request(`https://api.acme.test/u/${apiKey}`), {
      message:
        "Cannot send GET https://api.acme.test/u/[redacted]: no response within 10 ms",
    });
  });
});
