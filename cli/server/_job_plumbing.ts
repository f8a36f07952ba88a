// What the tester's two job runners share: the destination process (destkit definitions)
// and the Segment job (`serve --segment`) record requests, check the action and hide
// secrets the same way.
import { redactSecretHeaders, redactSecrets } from "@destkit/core/tooling";
import { TesterRequestError } from "./_tester_error.ts";
import type { SeenRequest, WorkerAnswer } from "./_worker_protocol.ts";

/** A `fetch` that records each request; it answers `{}` unless `live` sends it on. */
export function recordingFetch(
  requests: SeenRequest[],
  live: boolean,
): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.body === null ? undefined : await request.text();
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      ...(body === undefined ? {} : { body }),
    });
    if (live) return await fetch(input, init);
    return Response.json({}, { status: 200 });
  };
}

/** Throws a 4xx tester error when the definition has no action of that name. */
export function checkAction(
  actions: Record<string, unknown>,
  action: string | undefined,
): void {
  if (action === undefined || Object.hasOwn(actions, action)) return;
  throw new TesterRequestError(
    `Cannot find action "${action}": known: ${Object.keys(actions).join(", ")}`,
  );
}

/** The recorded requests with every secret hidden in the URL, the headers and the body. */
export function redactRequests(
  requests: SeenRequest[],
  secrets: readonly string[],
): SeenRequest[] {
  return requests.map((request) => ({
    ...request,
    url: redactSecrets(request.url, secrets),
    headers: redactSecretHeaders(request.headers, secrets),
    ...(request.body === undefined
      ? {}
      : { body: redactSecrets(request.body, secrets) }),
  }));
}

/** The answer to a job that failed while running: 500 unless it is a tester error. */
export function runFailed(
  error: unknown,
  message: string,
  requests: SeenRequest[],
): WorkerAnswer {
  return {
    ok: false,
    stage: "run",
    error: message,
    status: error instanceof TesterRequestError ? error.status : 500,
    requests,
  };
}
