// The process the tester starts for each job: a fresh module graph, so every
// edit to a destination (and to what it imports) is seen on the next run, and
// nothing a destination or a mapping does can take the tester down. It reads
// the job as JSON on stdin and writes the answer as the last line of stdout.
// deno-lint-ignore-file no-console
import {
  createDestination,
  createRequestClient,
  type DestinationDefinition,
  type DynamicFieldResponse,
  transform,
} from "@destkit/core";
import { pathToFileURL } from "node:url";
import { definitionOf, type LoadedDefinition } from "../_load.ts";
import { describeDestination } from "../manifest.ts";
import {
  answerJob,
  checkAction,
  previewPayload,
  type RunJob,
} from "./_job_plumbing.ts";
import { TesterRequestError } from "./_tester_error.ts";
import type {
  BatchInput,
  DynamicFieldsInput,
  RunInput,
  SettingsInput,
  WorkerAnswer,
  WorkerJob,
} from "./_worker_protocol.ts";

/** Starts the line that carries the answer, after anything the destination printed. */
export const ANSWER_MARK = "\u0000destkit-answer:";

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "a value that cannot be shown";
  }
}

function plain(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return String(value);
  if (value instanceof Error) {
    const { code, status } = value as { code?: unknown; status?: unknown };
    return { name: value.name, message: value.message, code, status };
  }
  return value;
}

function stringify(answer: WorkerAnswer): string {
  try {
    return JSON.stringify(answer, plain);
  } catch (error) {
    return JSON.stringify({
      ok: false,
      stage: "run",
      error: `Cannot show the result: ${messageOf(error)}`,
    });
  }
}

async function loadDefinition(file: string): Promise<LoadedDefinition> {
  const module = await import(pathToFileURL(file).href);
  const definition = definitionOf(module);
  if (definition === undefined) {
    throw new Error(
      "it exports no destination definition (a default export with `actions`)",
    );
  }
  return definition;
}

function cloudOnly(definition: LoadedDefinition): DestinationDefinition {
  if (definition.mode !== "cloud") {
    throw new TesterRequestError(
      `Cannot run ${
        definition.name ?? "this destination"
      } on the server: it is a device-mode destination, which runs in the page`,
    );
  }
  return definition as DestinationDefinition;
}

/** The event (onEvent) or the events (onBatch) through the default or preset subscriptions. */
async function throughSubscriptions(
  destination: ReturnType<typeof createDestination>,
  input: RunInput | BatchInput,
): Promise<{ results: unknown }> {
  const settings = {
    ...input.settings,
    subscriptions: input.subscriptions === "presets"
      ? destination.presetSubscriptions()
      : destination.defaultSubscriptions(),
  };
  const options = { auth: input.auth };
  const results = "events" in input
    ? await destination.onBatch(input.events, settings, options)
    : await destination.onEvent(input.event, settings, options);
  return { results };
}

async function run(
  destination: ReturnType<typeof createDestination>,
  input: RunInput & { action: string },
): Promise<unknown> {
  const settings = input.settings ?? {};
  const mapping = input.mapping ?? destination.defaultMapping(input.action);
  const payload = previewPayload(
    () => transform(mapping, input.event),
    messageOf,
  );
  const result = await destination.executeAction(input.action, {
    event: input.event,
    mapping,
    settings,
    auth: input.auth,
  });
  return { payload, results: [result] };
}

async function batch(
  destination: ReturnType<typeof createDestination>,
  input: BatchInput & { action: string },
): Promise<unknown> {
  const results = await destination.executeBatch(input.action, {
    events: input.events,
    mapping: input.mapping ?? destination.defaultMapping(input.action),
    settings: input.settings ?? {},
    auth: input.auth,
  });
  return { results };
}

async function dynamicFields(
  definition: DestinationDefinition,
  input: DynamicFieldsInput,
  fetch: typeof globalThis.fetch,
): Promise<DynamicFieldResponse> {
  checkAction(definition.actions, input.action);
  const action = definition.actions[input.action];
  const handlers = action.dynamicFields as
    | Record<string, (...args: unknown[]) => unknown>
    | undefined;
  const handler = handlers?.[input.field];
  if (typeof handler !== "function") {
    throw new TesterRequestError(
      `Cannot list choices of "${input.action}.${input.field}": the action has no dynamicFields handler for it`,
    );
  }
  const request = createRequestClient({ fetch });
  return await handler(request, {
    settings: input.settings ?? {},
    payload: input.payload ?? {},
    auth: input.auth,
  }) as DynamicFieldResponse;
}

/** The run's secrets (password settings, tokens), to hide in the requests shown. */
function secretsOf(
  definition: LoadedDefinition,
  input: SettingsInput | undefined,
): string[] {
  try {
    return createDestination(cloudOnly(definition)).secretsOf(
      input?.settings ?? {},
      input?.auth,
    );
  } catch {
    // Settings that do not validate still get their credential headers hidden.
    return [];
  }
}

async function performRun(
  definition: LoadedDefinition,
  job: RunJob,
  fetch: typeof globalThis.fetch,
): Promise<unknown> {
  const input: SettingsInput = job.input;
  const cloud = cloudOnly(definition);
  const destination = () => createDestination(cloud, { fetch });
  if (job.op === "run" || job.op === "batch") {
    const { action } = job.input;
    checkAction(cloud.actions, action);
    if (action === undefined) {
      return await throughSubscriptions(destination(), job.input);
    }
    if (job.op === "run") {
      return await run(destination(), { ...job.input, action });
    }
    return await batch(destination(), { ...job.input, action });
  }
  if (job.op === "testAuthentication") {
    return await destination().testAuthentication(input.settings ?? {}, {
      auth: input.auth,
    });
  }
  if (job.op === "refreshAccessToken") {
    if (input.auth === undefined) {
      throw new TesterRequestError(
        'Cannot refresh the token: the request has no "auth"',
      );
    }
    return await destination().refreshAccessToken(
      input.settings ?? {},
      input.auth,
    );
  }
  if (job.op === "delete") {
    const { event, settings = {}, auth } = job.input;
    return await destination().onDelete(event, settings, { auth });
  }
  return await dynamicFields(cloud, job.input, fetch);
}

/**
 * Runs one job in this process and answers it; the process's entry point calls it once.
 * The answer holds only JSON data (errors become `{ name, message, code, status }`).
 */
export async function performJob(job: WorkerJob): Promise<WorkerAnswer> {
  return JSON.parse(stringify(await perform(job)));
}

async function perform(job: WorkerJob): Promise<WorkerAnswer> {
  if (job.segment === true || job.op === "describeSegment") {
    // `serve --segment`: Segment's compiled destinations through the drop-in.
    const { performSegmentJob } = await import("../segment/_segment_job.ts");
    return await performSegmentJob(job);
  }
  return await answerJob(job, {
    load: loadDefinition,
    describe: describeDestination,
    perform: performRun,
    secretsOf,
    messageOf,
  });
}

if (import.meta.main) {
  const job = JSON.parse(await new Response(Deno.stdin.readable).text());
  const answer = stringify(await perform(job as WorkerJob));
  console.log(`\n${ANSWER_MARK}${answer}`);
}
