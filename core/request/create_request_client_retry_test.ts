import assert from "node:assert/strict";
import {
  createRequestClient,
  type FetchFunction,
  HTTPError,
  TimeoutError,
} from "../mod.ts";

const url = "https://api.acme.test/track";

/** A fake fetch answering with each of `answers` in turn; it fails on a request too many. */
function sequence(answers: Array<() => Promise<Response>>) {
  const seen: string[] = [];
  const fetch: FetchFunction = (target, init) => {
    seen.push(`${init.method} ${target} ${init.body ?? ""}`.trim());
    const answer = answers[seen.length - 1];
    if (answer === undefined) {
      throw new Error(`unexpected request ${seen.length}`);
    }
    return answer();
  };
  return { seen, fetch };
}

const status = (code: number, headers?: HeadersInit) => () =>
  Promise.resolve(new Response(null, { status: code, headers }));

Deno.test("createRequestClient() retries a 503 once", async (t) => {
  const { seen, fetch } = sequence([status(503), status(200)]);
  const client = createRequestClient({ fetch, retry: { limit: 1, baseMs: 0 } });

  await t.step("returns the second response", async () => {
    const response = await client(url, { method: "POST", json: { a: 1 } });
    assert.equal(response.status, 200);
  });
  await t.step("sent the same request twice", () => {
    assert.deepEqual(seen, [`POST ${url} {"a":1}`, `POST ${url} {"a":1}`]);
  });
});

Deno.test("createRequestClient() retries only retryable outcomes", async (t) => {
  const cases: Array<{
    name: string;
    answers: Array<() => Promise<Response>>;
    limit: number;
    sent: number;
    outcome: number | string;
  }> = [
    {
      name: "no retry by default",
      answers: [status(503)],
      limit: 0,
      sent: 1,
      outcome: "HTTPError 503",
    },
    {
      name: "400 is not retried",
      answers: [status(400)],
      limit: 3,
      sent: 1,
      outcome: "HTTPError 400",
    },
    {
      name: "501 is not retried",
      answers: [status(501)],
      limit: 3,
      sent: 1,
      outcome: "HTTPError 501",
    },
    {
      name: "429, 408 and 423 are retried",
      answers: [status(429), status(408), status(423), status(201)],
      limit: 3,
      sent: 4,
      outcome: 201,
    },
    {
      name: "the limit ends retrying with the last error",
      answers: [status(500), status(502), status(504)],
      limit: 2,
      sent: 3,
      outcome: "HTTPError 504",
    },
    {
      name: "a network failure is retried",
      answers: [
        () => Promise.reject(new TypeError("connection refused")),
        status(200),
      ],
      limit: 1,
      sent: 2,
      outcome: 200,
    },
    {
      name: "Retry-After of 0 is honoured",
      answers: [status(503, { "retry-after": "0" }), status(200)],
      limit: 1,
      sent: 2,
      outcome: 200,
    },
    {
      name: "Retry-After beyond maxMs stops retrying",
      answers: [status(429, { "retry-after": "3600" })],
      limit: 5,
      sent: 1,
      outcome: "HTTPError 429",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, async () => {
      const { seen, fetch } = sequence(c.answers);
      const client = createRequestClient({
        fetch,
        retry: { limit: c.limit, baseMs: 0, maxMs: 1000 },
      });
      const outcome = await client(url).then(
        (response) => response.status,
        (error) => `${error.name} ${error.status}`,
      );
      assert.equal(outcome, c.outcome);
      assert.equal(seen.length, c.sent);
    });
  }

  await t.step(
    "with throwHttpErrors false, the last response is returned",
    async () => {
      const { seen, fetch } = sequence([status(503), status(503)]);
      const client = createRequestClient({
        fetch,
        throwHttpErrors: false,
        retry: { limit: 1, baseMs: 0 },
      });
      assert.equal((await client(url)).status, 503);
      assert.equal(seen.length, 2);
    },
  );

  await t.step("a timeout is retried", async () => {
    const hang = () => new Promise<Response>(() => {});
    const { seen, fetch } = sequence([hang, hang]);
    const client = createRequestClient({
      fetch,
      timeout: 10,
      retry: { limit: 1, baseMs: 0 },
    });
    await assert.rejects(client(url), TimeoutError);
    assert.equal(seen.length, 2);
  });

  await t.step("an abort by the caller is not retried", async () => {
    const { seen, fetch } = sequence([
      (): Promise<Response> =>
        Promise.reject(new DOMException("aborted", "AbortError")),
    ]);
    const controller = new AbortController();
    controller.abort();
    const client = createRequestClient({
      fetch,
      retry: { limit: 3, baseMs: 0 },
    });
    await assert.rejects(client(url, { signal: controller.signal }), {
      name: "AbortError",
    });
    assert.equal(seen.length, 0);
  });

  await t.step(
    "the error keeps the Retry-After wait for the runtime",
    async () => {
      const { fetch } = sequence([status(429, { "retry-after": "3600" })]);
      const client = createRequestClient({
        fetch,
        retry: { limit: 1, maxMs: 10 },
      });
      await assert.rejects(client(url), (error) => {
        assert.ok(error instanceof HTTPError);
        assert.equal(error.retryAfterMs, 3_600_000);
        return true;
      });
    },
  );
});
