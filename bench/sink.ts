// deno-lint-ignore-file no-console
/**
 * The loopback sink of the bench-webhook scenario, run as its own process:
 * `deno run --allow-net bench/sink.ts [--port N] [--max-seconds S]`. It binds
 * 127.0.0.1 only, answers every POST with `200 {}` (application/json) after
 * reading the whole body, and counts what it saw: requests, body bytes,
 * correct Authorization headers and the order-independent body digest of
 * SCENARIO.md (sum mod 2^64 of the first 8 bytes, big endian, of each body's
 * SHA-1). `GET /__stats` returns the counters, `POST /__reset` zeroes them.
 * The first line on stdout is `{"port":N}` once it listens; it exits by itself
 * after `--max-seconds`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import process from "node:process";
import { AUTHORIZATION } from "./scenario/definition.ts";
import { parseFlags } from "./lib/flags.ts";

/** The counters `GET /__stats` returns. */
export interface SinkStats {
  /** POST requests received since the last reset. */
  requests: number;
  /** Their body bytes. */
  bytes: number;
  /** Requests whose Authorization header was the expected Bearer token. */
  authorizationOk: number;
  /** Requests with `content-type: application/json`. */
  contentTypeOk: number;
  /** Requests with `user-agent: Segment (Actions)` (the reference's client sets it). */
  segmentUserAgent: number;
  /** Requests per path, such as `{ "/track": 2000, "/batch": 2 }`. */
  paths: Record<string, number>;
  /** Sum mod 2^64 of the first 8 bytes (big endian) of each body's SHA-1, 16 hex digits. */
  digest: string;
  /** CPU time the sink spent since the last reset, in milliseconds. */
  cpuMs: number;
}

const { port = "0", "max-seconds": maxSeconds = "600" } = parseFlags(Deno.args);
const MASK = (1n << 64n) - 1n;

let requests = 0;
let bytes = 0;
let authorizationOk = 0;
let contentTypeOk = 0;
let segmentUserAgent = 0;
let paths: Record<string, number> = {};
let digest = 0n;
let cpuStart = process.cpuUsage();

function reset(): void {
  requests = 0;
  bytes = 0;
  authorizationOk = 0;
  contentTypeOk = 0;
  segmentUserAgent = 0;
  paths = {};
  digest = 0n;
  cpuStart = process.cpuUsage();
}

function stats(): SinkStats {
  const cpu = process.cpuUsage(cpuStart);
  return {
    requests,
    bytes,
    authorizationOk,
    contentTypeOk,
    segmentUserAgent,
    paths,
    digest: digest.toString(16).padStart(16, "0"),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    headers: { "content-type": "application/json" },
  });
}

async function record(request: Request, path: string): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const headers = request.headers;
  requests++;
  bytes += body.byteLength;
  if (headers.get("authorization") === AUTHORIZATION) authorizationOk++;
  if (headers.get("content-type")?.startsWith("application/json")) {
    contentTypeOk++;
  }
  if (headers.get("user-agent") === "Segment (Actions)") segmentUserAgent++;
  paths[path] = (paths[path] ?? 0) + 1;
  const sha1 = createHash("sha1").update(body).digest();
  digest = (digest + sha1.readBigUInt64BE(0)) & MASK;
  return new Response("{}", {
    headers: { "content-type": "application/json" },
  });
}

function handle(request: Request): Response | Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method === "GET" && path === "/__stats") return json(stats());
  if (request.method === "POST" && path === "/__reset") {
    reset();
    return json({ ok: true });
  }
  if (request.method === "POST") return record(request, path);
  return new Response("Not found", { status: 404 });
}

const server = Deno.serve({
  hostname: "127.0.0.1",
  port: Number(port),
  onListen({ port }) {
    console.log(JSON.stringify({ port }));
  },
}, handle);

const timer = setTimeout(() => server.shutdown(), Number(maxSeconds) * 1000);
Deno.unrefTimer(timer);
Deno.addSignalListener("SIGTERM", () => Deno.exit(0));
await server.finished;
