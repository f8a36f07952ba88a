// The fake partner behind the injected fetch: hostile statuses, bodies and redirects. It
// follows redirects as the Fetch standard does (dropping only `Authorization` across
// origins), so a credential that reaches another origin is seen here.
import fc from "fast-check";
import { objectOf, text } from "./_values.ts";

/** How the fake partner answers. */
export interface PartnerScript {
  status: number;
  body: string;
  contentType: string;
  retryAfter?: string;
  location?: string;
  /** Whether an error body echoes the request URL and headers back (as some APIs do). */
  echo: boolean;
}

const STATUSES = [
  200,
  201,
  204,
  207,
  301,
  302,
  303,
  307,
  308,
  400,
  401,
  403,
  404,
  408,
  413,
  429,
  500,
  501,
  502,
  503,
  599,
];

/** Scripts of the fake partner: every kind of status, body and redirect. */
export function partnerArbitrary(maxHuge: number): fc.Arbitrary<PartnerScript> {
  const body = fc.oneof(
    fc.constantFrom(
      "{}",
      '{"toString":1}',
      '{"toString":{"a":1},"valueOf":1,"message":{"toString":1}}',
      '{"__proto__":{"polluted":true}}',
      '{"error":"bad","constructor":{"prototype":{"x":1}}}',
      "[",
      "",
      "null",
      "[1,2,3]",
      '"text"',
      "<html>oops</html>",
    ),
    fc.constantFrom(
      ...[10_000, 1_000_000, 5_000_000].filter((size) => size <= maxHuge * 5),
      100,
    )
      .map((size) => `{"data":"${"x".repeat(size)}"}`),
    text(Math.min(maxHuge, 100_000)).map((value) =>
      JSON.stringify(objectOf([["message", value]]))
    ),
  );
  return fc.record({
    status: fc.constantFrom(...STATUSES),
    body,
    contentType: fc.constantFrom(
      "application/json",
      "text/plain",
      "application/json; charset=utf-8",
      "",
    ),
    retryAfter: fc.constantFrom(
      "0",
      "-1",
      "abc",
      "Wed, 21 Oct 2015 07:28:00 GMT",
      "0.001",
    ),
    location: fc.constantFrom(
      "https://other.test/landing",
      "/moved",
      "http://127.0.0.1:1/admin",
      "https://api.partner.test/v1/track",
      "javascript:alert(1)",
    ),
    echo: fc.boolean(),
  }, { requiredKeys: ["status", "body", "contentType", "echo"] });
}

/** What the fake partner saw. */
export interface PartnerLog {
  /** Descriptions of requests that carried `secret` to another origin. */
  leaks: string[];
  calls: number;
}

const PARTNER_ORIGIN = "https://api.partner.test";

/** Returns a fetch answering by `script` on the partner's origin and `200 {}` elsewhere. */
export function partnerFetch(
  script: PartnerScript,
  secret: string,
  log: PartnerLog,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async function fetch(input, init = {}) {
    let request = new Request(input, init);
    for (let hop = 0; hop <= 5; hop++) {
      log.calls++;
      const origin = new URL(request.url).origin;
      if (origin !== PARTNER_ORIGIN) {
        const seen = `${request.method} ${request.url} ${
          JSON.stringify([...request.headers])
        } ${await request.clone().text()}`;
        if (seen.includes(secret)) {
          log.leaks.push(
            `the secret reached ${origin} after a redirect: ${request.method} ${request.url}`,
          );
        }
        return Response.json({});
      }
      const response = await answer(script, request);
      const location = response.headers.get("location");
      if (location === null || response.status < 300 || response.status > 308) {
        return response;
      }
      if (request.redirect === "manual") return response;
      if (request.redirect === "error") {
        throw new TypeError("Fetch failed: unexpected redirect");
      }
      let next: URL;
      try {
        next = new URL(location, request.url);
      } catch {
        throw new TypeError(
          `Fetch failed: invalid redirect location ${location}`,
        );
      }
      if (next.protocol !== "https:" && next.protocol !== "http:") {
        throw new TypeError("Fetch failed: redirect to a non-HTTP URL");
      }
      const headers = new Headers(request.headers);
      if (next.origin !== origin) headers.delete("authorization");
      const keepsBody = response.status === 307 || response.status === 308;
      const method = keepsBody || request.method === "GET"
        ? request.method
        : "GET";
      request = new Request(next, {
        method,
        headers,
        body: keepsBody && method !== "GET"
          ? await request.clone().arrayBuffer()
          : undefined,
        redirect: request.redirect,
      });
    }
    throw new TypeError("Fetch failed: too many redirects");
  };
}

async function answer(
  script: PartnerScript,
  request: Request,
): Promise<Response> {
  const headers = new Headers();
  if (script.contentType !== "") {
    headers.set("content-type", script.contentType);
  }
  if (script.retryAfter !== undefined) {
    headers.set("retry-after", script.retryAfter);
  }
  if (script.location !== undefined) headers.set("location", script.location);
  let body: string | null = script.body;
  if (script.echo && script.status >= 400) {
    body = JSON.stringify({
      error: "rejected",
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.clone().text(),
    });
  }
  if ([204, 205, 304].includes(script.status)) body = null;
  return new Response(body, { status: script.status, headers });
}
