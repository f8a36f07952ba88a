// The tester's HTTP API (`deno task serve`), called in-process through its exported handler
// with hostile hosts, origins, content types, bodies, mappings and events.
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { performJob } from "../../cli/server/_destination_process.ts";
import { createTesterHandler } from "../../cli/server/tester_handler.ts";
import { mappingArbitrary } from "../_mappings.ts";
import { hostileEvent, hostileValue } from "../_values.ts";
import {
  clip,
  describe,
  OK,
  type Outcome,
  TYPED,
  untyped,
} from "../_outcome.ts";
import type { SizeLimits, Target } from "./_target.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIRECTORY = fileURLToPath(
  new URL("../../destinations/", import.meta.url),
);
const PORT = 4400;
// The launch token of the tester (its per-launch secret), sent on every call but the ones
// that test its absence; the tester on main takes no token and ignores the header.
const TOKEN = "fuzz-launch-token";
const LOOPBACK_HOSTS = [
  `127.0.0.1:${PORT}`,
  `localhost:${PORT}`,
  `[::1]:${PORT}`,
];
const FOREIGN_HOSTS = [
  "evil.test",
  `evil.test:${PORT}`,
  `127.0.0.1.evil.test:${PORT}`,
  `localhost.evil.test`,
];
const FOREIGN_ORIGINS = [
  "http://evil.test",
  "null",
  `http://127.0.0.1.evil.test:${PORT}`,
];
const DESTINATIONS = [
  "webhook",
  "loops",
  "listrak",
  "gainsight-px-cloud-action",
  "slack",
  "hubble-web",
  "nope",
  "../cli",
  "__proto__",
];
const ACTIONS = [
  undefined,
  "send",
  "sendEvent",
  "createOrUpdateContact",
  "postToChannel",
  "toString",
  "nope",
];

interface TesterInput {
  method: string;
  path: string;
  host: string;
  origin?: string;
  contentType?: string;
  token: boolean;
  body: { kind: "run"; run: unknown } | { kind: "raw"; text: string };
}

/** `GET /`, `GET /api/destinations` and `POST /api/run` of the tester. */
export function testerTarget(): Target {
  let handler: ((request: Request) => Promise<Response>) | undefined;
  return {
    name: "tester",
    arbitrary(limits: SizeLimits) {
      const small = {
        maxHuge: Math.min(limits.maxHuge, 100_000),
        maxNest: Math.min(limits.maxNest, 1_000),
      };
      const run = fc.record({
        destination: fc.oneof(
          fc.constantFrom(...DESTINATIONS),
          hostileValue(small),
        ),
        action: fc.constantFrom(...ACTIONS),
        settings: fc.oneof(
          fc.constant({ apiKey: "k", url: "https://example.test/hook" }),
          hostileValue(small),
        ),
        mapping: mappingArbitrary({ ...small, maxChain: limits.maxChain }),
        event: hostileEvent(small),
      }, { requiredKeys: ["destination", "event"] });
      return fc.record({
        method: fc.constantFrom(
          "GET",
          "POST",
          "POST",
          "POST",
          "PUT",
          "OPTIONS",
        ),
        path: fc.constantFrom(
          "/",
          "/api/destinations",
          "/api/run",
          "/api/run",
          "/api/../api/run",
          "/%2e%2e/etc/passwd",
          "/api/run?x=1",
        ),
        host: fc.oneof({
          weight: 3,
          arbitrary: fc.constantFrom(...LOOPBACK_HOSTS),
        }, { weight: 1, arbitrary: fc.constantFrom(...FOREIGN_HOSTS) }),
        origin: fc.constantFrom(
          undefined,
          `http://127.0.0.1:${PORT}`,
          ...FOREIGN_ORIGINS,
        ),
        token: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, {
          weight: 1,
          arbitrary: fc.constant(false),
        }),
        contentType: fc.constantFrom(
          undefined,
          "application/json",
          "application/json",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
        ),
        body: fc.oneof(
          {
            weight: 4,
            arbitrary: run.map((value) => ({
              kind: "run" as const,
              run: value,
            })),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              "",
              "{",
              "null",
              "[]",
              '{"destination":{"toString":1}}',
              "x".repeat(2_000_000),
            )
              .map((text) => ({ kind: "raw" as const, text })),
          },
        ),
      }, { requiredKeys: ["method", "path", "host", "token", "body"] });
    },
    async warm() {
      handler ??= createHandler();
      const request = new Request(`http://127.0.0.1:${PORT}/api/destinations`, {
        headers: { host: `127.0.0.1:${PORT}`, "x-destkit-token": TOKEN },
      });
      await (await handler(request)).text();
    },
    async run(input: unknown): Promise<Outcome> {
      handler ??= createHandler();
      return await call(handler, input as TesterInput);
    },
  };
}

// Jobs run in this shard's process (`performJob`, the code each job process runs), not
// in a new Deno process each: the HTTP layer, the guards and the job code are the tester's
// own, and the shard's per-input time limit stands in for the job timeout. The process
// boundary itself is tested in `cli/serve_test.ts`. The type check is off: it runs once per
// change of a destination's files, which the campaign never makes.
function createHandler(): (request: Request) => Promise<Response> {
  return createTesterHandler({
    directory: DIRECTORY,
    port: () => PORT,
    token: TOKEN,
    check: false,
    runJob: (job) => performJob(job),
  });
}

function bodyText(input: TesterInput): string {
  if (input.body.kind === "raw") return input.body.text;
  try {
    return JSON.stringify(input.body.run) ?? "null";
  } catch {
    return "null";
  }
}

async function call(
  handler: (request: Request) => Promise<Response>,
  input: TesterInput,
): Promise<Outcome> {
  const headers = new Headers({ host: input.host });
  if (input.token) headers.set("x-destkit-token", TOKEN);
  if (input.origin !== undefined) headers.set("origin", input.origin);
  if (input.contentType !== undefined) {
    headers.set("content-type", input.contentType);
  }
  const hasBody = input.method === "POST" || input.method === "PUT";
  const request = new Request(`http://${input.host}${input.path}`, {
    method: input.method,
    headers,
    body: hasBody ? bodyText(input) : undefined,
  });
  let response: Response;
  let text: string;
  try {
    response = await handler(request);
    text = await response.text();
  } catch (error) {
    return untyped(`The tester handler threw ${describe(error)}`);
  }
  const accepted = response.status < 400;
  if (accepted && FOREIGN_HOSTS.includes(input.host)) {
    return untyped(
      `The tester accepted a ${input.method} with a foreign Host`,
      `The tester answered ${response.status} to ${input.method} ${input.path} with Host ${input.host}`,
    );
  }
  if (
    accepted && input.method === "POST" && input.origin !== undefined &&
    FOREIGN_ORIGINS.includes(input.origin)
  ) {
    return untyped(
      "The tester accepted a POST from a foreign Origin",
      `The tester answered ${response.status} to POST ${input.path} from Origin ${input.origin}`,
    );
  }
  if (
    accepted && input.method === "POST" &&
    !(input.contentType ?? "").startsWith("application/json")
  ) {
    return untyped(
      "The tester accepted a POST that is not application/json",
      `The tester answered ${response.status} to POST ${input.path} with content type ${
        input.contentType ?? "(none)"
      }`,
    );
  }
  if (accepted && input.path.startsWith("/api/") && !input.token) {
    return untyped(
      "The tester accepted an API call without the launch token",
      `The tester answered ${response.status} to ${input.method} ${input.path} without x-destkit-token`,
    );
  }
  if (text.includes(ROOT)) {
    return untyped(
      `The tester's answer (status ${response.status}) shows an absolute path`,
      `The tester's answer to ${input.method} ${input.path} (status ${response.status}) shows an absolute path: ${
        clip(text, 300)
      }`,
    );
  }
  if (input.path.startsWith("/api/") && !isJSON(text)) {
    return untyped(
      `The tester answered an API call with a body that is not JSON`,
      `The tester answered ${input.method} ${input.path} with a body that is not JSON (status ${response.status}): ${
        clip(text, 300)
      }`,
    );
  }
  return accepted ? OK : TYPED;
}

function isJSON(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
