// What the tester's two job runners share: the destination process (destkit definitions)
// and the Segment job (`serve --segment`) load, describe and run a job, record requests,
// check the action and hide secrets the same way (`answerJob`); each brings its own runner.
import { redactSecretHeaders, redactSecrets } from "@destkit/core/tooling";
import { TesterRequestError } from "./_tester_error.ts";
import type {
  SeenRequest,
  SettingsInput,
  WorkerAnswer,
  WorkerJob,
} from "./_worker_protocol.ts";

/** A job that runs the destination: every job but the descriptions. */
export type RunJob = Exclude<WorkerJob, { op: "describe" | "describeSegment" }>;

/** How one kind of definition is loaded, described, run and kept secret. */
export interface JobRunner<Definition> {
  /** Loads the definition in `file`; what it throws is a load failure. */
  load(file: string): Definition | Promise<Definition>;
  describe(definition: Definition): unknown;
  /** Runs the job; a `TesterRequestError` it throws answers 400, anything else 500. */
  perform(
    definition: Definition,
    job: RunJob,
    fetch: typeof globalThis.fetch,
  ): Promise<unknown>;
  /** The values to hide in the requests shown: password settings, tokens. */
  secretsOf(definition: Definition, input: SettingsInput | undefined): string[];
  messageOf(error: unknown): string;
}

/**
 * Answers a `describe` job or a job that runs the destination: loads the definition with
 * `runner`, runs the job with a recording `fetch`, and answers with the requests it made,
 * their secrets hidden, or with the stage that failed.
 */
export async function answerJob<Definition>(
  job: RunJob | Extract<WorkerJob, { op: "describe" }>,
  runner: JobRunner<Definition>,
): Promise<WorkerAnswer> {
  let definition: Definition;
  try {
    definition = await runner.load(job.file);
  } catch (error) {
    return { ok: false, stage: "load", error: runner.messageOf(error) };
  }
  const requests: SeenRequest[] = [];
  const input = "input" in job ? job.input : undefined;
  const shown = () =>
    requests.length === 0
      ? requests
      : redactRequests(requests, runner.secretsOf(definition, input));
  try {
    if (job.op === "describe") {
      return { ok: true, value: runner.describe(definition), requests };
    }
    const fetch = recordingFetch(requests, job.input.live === true);
    const value = await runner.perform(definition, job, fetch);
    return { ok: true, value: value ?? null, requests: shown() };
  } catch (error) {
    return runFailed(error, runner.messageOf(error), shown());
  }
}

/** The payload the run shows beside its results: what `build` returns, or why it threw. */
export function previewPayload(
  build: () => unknown,
  messageOf: (error: unknown) => string,
): unknown {
  try {
    return build();
  } catch (error) {
    return { error: messageOf(error) };
  }
}

/** A `fetch` that records each request; it answers `{}` unless `live` sends it on. */
function recordingFetch(
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
function redactRequests(
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
function runFailed(
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
