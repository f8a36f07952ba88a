import { TesterRequestError } from "./_tester_error.ts";

/** What {@linkcode guardRequest} checks a request against. */
export interface GuardOptions {
  /** The port the tester listens on. */
  port: number;
  /** The per-launch token API calls carry in `x-destkit-token`. */
  token: string;
  /** The largest request body, in bytes. */
  maxBodyBytes: number;
}

const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/** The `Host` values the tester answers to: loopback names with its port. */
export function allowedHosts(port: number): string[] {
  return LOOPBACK_HOSTS.map((host) => `${host}:${port}`);
}

/**
 * Refuses what a foreign web page could send (a non-loopback `Host`, as DNS
 * rebinding gives, a foreign `Origin`, a cross-site fetch) and API calls
 * without the token or, for POST, without a JSON content type.
 *
 * @throws {TesterRequestError} 403, 415 or 421 saying what was refused.
 */
export function guardRequest(request: Request, options: GuardOptions): void {
  const { port, token } = options;
  const hosts = allowedHosts(port);
  const host = request.headers.get("host") ?? "";
  if (!hosts.includes(host.toLowerCase())) {
    throw new TesterRequestError(
      `Cannot answer host "${host}": the tester only answers ${
        hosts.join(", ")
      }`,
      421,
    );
  }
  const origin = request.headers.get("origin");
  if (
    origin !== null &&
    !hosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`)
  ) {
    throw new TesterRequestError(
      `Cannot answer a request from origin "${origin}": only the tester's own page may call it`,
      403,
    );
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new TesterRequestError(
      "Cannot answer a cross-site request: only the tester's own page may call it",
      403,
    );
  }
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith("/api/")) return;
  if (request.headers.get("x-destkit-token") !== token) {
    throw new TesterRequestError(
      "Cannot answer an API call without this launch's token: reload the tester page",
      403,
    );
  }
  if (request.method !== "POST") return;
  const type = request.headers.get("content-type") ?? "";
  if (type.split(";")[0].trim().toLowerCase() !== "application/json") {
    throw new TesterRequestError(
      `Cannot read a ${
        type === "" ? "body without a content type" : `"${type}" body`
      }: API calls send application/json`,
      415,
    );
  }
}

/**
 * Reads a JSON body of at most `maxBodyBytes` bytes.
 *
 * @throws {TesterRequestError} 413 when it is larger, 400 when it is not JSON.
 */
export async function readJsonBody(
  request: Request,
  maxBodyBytes: number,
): Promise<unknown> {
  const tooLarge = () =>
    new TesterRequestError(
      `Cannot read the request body: it is larger than ${maxBodyBytes} bytes`,
      413,
    );
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBodyBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    for await (const chunk of request.body) {
      size += chunk.byteLength;
      if (size > maxBodyBytes) throw tooLarge();
      chunks.push(chunk);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new TesterRequestError(
      `Cannot read the request body: ${(error as Error).message}`,
    );
  }
}
