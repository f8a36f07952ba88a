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
// fetch adds `accept-language: *`, node-fetch does not (see README.md).
const TRANSPORT = new Set([
  "host",
  "connection",
  "accept-encoding",
  "accept-language",
]);

/** Serves `reply(request, index)` on 127.0.0.1 and records every request as its raw bytes say. */
export function startRecorder(
  reply: (request: WireRequest, index: number) => Reply,
): { origin: string; requests: WireRequest[]; close: () => Promise<void> } {
  const requests: WireRequest[] = [];
  // A bare TCP server: the request target is kept byte for byte (an HTTP server's URL
  // parsing would normalise `|`, `^` and the like, hiding the difference under test).
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const connections = new Set<Deno.Conn>();
  const served = (async () => {
    for await (const connection of listener) {
      connections.add(connection);
      serveOne(connection, reply, requests).finally(() => {
        connections.delete(connection);
      });
    }
  })();
  const { port } = listener.addr as Deno.NetAddr;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      listener.close();
      for (const connection of connections) connection.close();
      await served.catch(() => {});
    },
  };
}

// Canonical reason phrases: Deno's fetch reports these whatever the wire says, node-fetch
// reports the wire's (see README.md).
const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  400: "Bad Request",
  403: "Forbidden",
  401: "Unauthorized",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

async function serveOne(
  connection: Deno.Conn,
  reply: (request: WireRequest, index: number) => Reply,
  requests: WireRequest[],
): Promise<void> {
  try {
    let bytes = new Uint8Array(0);
    const chunk = new Uint8Array(65536);
    let headEnd = -1;
    let contentLength = 0;
    let head = "";
    for (let reads = 0; reads < 1000; reads++) {
      const n = await connection.read(chunk);
      if (n === null) break;
      const joined = new Uint8Array(bytes.length + n);
      joined.set(bytes);
      joined.set(chunk.subarray(0, n), bytes.length);
      bytes = joined;
      if (headEnd < 0) {
        const text = new TextDecoder("latin1").decode(bytes);
        headEnd = text.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
          head = text.slice(0, headEnd);
          const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
          contentLength = match === null ? 0 : Number(match[1]);
        }
      }
      if (headEnd >= 0 && bytes.length >= headEnd + 4 + contentLength) break;
    }
    const [requestLine, ...headerLines] = head.split("\r\n");
    const [method, target] = requestLine.split(" ");
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      const name = line.slice(0, colon).toLowerCase();
      if (!TRANSPORT.has(name)) headers[name] = line.slice(colon + 1).trim();
    }
    const body = new TextDecoder().decode(
      bytes.subarray(headEnd + 4, headEnd + 4 + contentLength),
    );
    const recorded: WireRequest = { method, url: target, headers, body };
    const { status = 200, json, text } = reply(recorded, requests.length);
    requests.push(recorded);
    const payload = new TextEncoder().encode(
      json !== undefined ? JSON.stringify(json) : text ?? "",
    );
    const type = json !== undefined ? "application/json" : "text/plain";
    const response =
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Status"}\r\n` +
      `content-type: ${type}\r\ncontent-length: ${payload.length}\r\n` +
      `connection: close\r\n\r\n`;
    await connection.write(new TextEncoder().encode(response));
    await connection.write(payload);
  } catch {
    // A client that went away: nothing to record.
  } finally {
    try {
      connection.close();
    } catch {
      // Already closed by `close()`.
    }
  }
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
