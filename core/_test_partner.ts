// The fake partner of core's tests, behind the `fetch` a destination is created with: the one
// place where tests meet HTTP (STYLE.md: mock only at the HTTP boundary).

/** One request the fake partner received. */
export interface Seen {
  method: string;
  url: string;
  headers: Headers;
  /** The body: parsed when it is JSON, else as sent. */
  body: unknown;
}

/** A fake partner: `reply` decides each answer (a rejection is a network failure); `seen` lists what arrived. */
export function createPartner(
  reply: (request: Seen) => Response | Promise<Response> = () =>
    Response.json({ ok: true }),
) {
  const seen: Seen[] = [];
  function fetch(url: string, init: RequestInit): Promise<Response> {
    const request = {
      method: init.method ?? "GET",
      url,
      headers: new Headers(init.headers),
      body: parseBody(init.body),
    };
    seen.push(request);
    return new Promise((resolve) => resolve(reply(request)));
  }
  return { fetch, seen };
}

function parseBody(body: RequestInit["body"]): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
