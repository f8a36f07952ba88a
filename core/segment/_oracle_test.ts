// The test-only oracle (@segment/actions-core 3.170.0, CommonJS) and a 127.0.0.1 server that
// records requests, so that both runtimes put their requests on a real wire: the oracle sends
// with node-fetch (through cross-fetch), never through globalThis.fetch.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// deno-lint-ignore no-explicit-any
export const oracle: Record<string, any> = require("@segment/actions-core");

/** A request as the server received it. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A scripted reply: status, JSON body or text, content type. */
export interface Reply {
  status?: number;
  json?: unknown;
  text?: string;
}

// Headers each HTTP stack sets its own way, not part of what a destination sends: Deno's
// fetch adds `accept-language: *`, node-fetch does not (see README_actions_core.md).
const TRANSPORT = new Set([
  "host",
  "connection",
  "accept-encoding",
  "accept-language",
]);

/** Serves `reply(request, index)` on 127.0.0.1 and records every request. */
export function startRecorder(
  reply: (request: WireRequest, index: number) => Reply,
): { origin: string; requests: WireRequest[]; close: () => Promise<void> } {
  const requests: WireRequest[] = [];
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (request) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        if (!TRANSPORT.has(key)) headers[key] = value;
      });
      const recorded: WireRequest = {
        method: request.method,
        url: url.pathname + url.search,
        headers,
        body: await request.text(),
      };
      const { status = 200, json, text } = reply(recorded, requests.length);
      requests.push(recorded);
      if (json !== undefined) return Response.json(json, { status });
      return new Response(text ?? "", { status });
    },
  );
  const { port } = server.addr as Deno.NetAddr;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => server.shutdown(),
  };
}

/** The parts of an error both runtimes must agree on. */
export function errorFacts(error: unknown): Record<string, unknown> {
  const typed = error as Record<string, unknown> & {
    response?: { status?: number };
  };
  return {
    isError: error instanceof Error,
    name: typed?.name,
    message: typed?.message,
    code: typed?.code,
    status: typed?.status,
    responseStatus: typed?.response?.status,
  };
}

/** A response (fetch's or node-fetch's) as the facts both runtimes must agree on. */
function plain(value: unknown): unknown {
  const response = value as Record<string, unknown> | null;
  if (
    response !== null && typeof response === "object" &&
    "status" in response && "headers" in response && "content" in response
  ) {
    return {
      status: response.status,
      statusText: response.statusText,
      content: response.content,
      data: response.data,
    };
  }
  return value;
}

/** Runs `run` and returns `{ value }` or `{ error }` facts. */
export async function outcome(
  run: () => Promise<unknown> | unknown,
): Promise<Record<string, unknown>> {
  try {
    return { value: plain(await run()) };
  } catch (error) {
    return { error: errorFacts(error) };
  }
}
