// The tester's jobs on Segment's compiled destinations (`deno task serve --segment`), run in
// the job's own process like every job: the definition is loaded by loadSegmentDestination
// (every `require("@segment/actions-core")` gets the drop-in) and run by the drop-in's
// `Destination`, so the tester shows what Segment's runtime would do.
import { findSecrets } from "@destkit/core/tooling";
import { join } from "node:path";
import type { LoadedDefinition } from "../_load.ts";
import { describeDestination } from "../manifest.ts";
import type {
  BatchInput,
  RunInput,
  SettingsInput,
  WorkerAnswer,
  WorkerJob,
} from "../server/_worker_protocol.ts";
import {
  answerJob,
  checkAction,
  previewPayload,
  type RunJob,
} from "../server/_job_plumbing.ts";
import { TesterRequestError } from "../server/_tester_error.ts";
import {
  defaultValues,
  Destination,
  transform,
} from "../../core/segment/actions_core.ts";
import { loadSegmentDestination } from "./load_segment_destination.ts";
import { listSegmentDestinations, SEGMENT_PREFIX } from "./segment_package.ts";

// deno-lint-ignore no-explicit-any
type Bag = Record<string, any>;

/** The error's message, after its class name when it has its own (`AggregateAjvError: ...`). */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === "Error" || error.name === "TesterRequestError"
    ? error.message
    : `${error.name}: ${error.message}`;
}

function load(file: string): Bag {
  const definition = loadSegmentDestination(file) as Bag | undefined;
  if (typeof definition?.actions !== "object" || definition.actions === null) {
    throw new Error("it exports no destination definition (with `actions`)");
  }
  return definition;
}

/** Segment reads OAuth tokens from `settings.oauth`; the tester sends them as `auth`. */
function settingsOf(input: SettingsInput): Bag {
  const settings: Bag = { ...input.settings };
  const auth = input.auth;
  if (auth !== undefined) {
    settings.oauth = {
      ...settings.oauth,
      access_token: auth.accessToken,
      refresh_token: auth.refreshToken,
      refresh_token_url: auth.refreshTokenUrl,
      clientId: auth.clientId,
      clientSecret: auth.clientSecret,
    };
  }
  return settings;
}

/** The default subscriptions, as Segment's app creates them, or the automatic presets. */
function subscriptionsOf(definition: Bag, input: RunInput | BatchInput): Bag[] {
  if (input.subscriptions === "presets") {
    return (definition.presets ?? [])
      .filter((preset: Bag) => typeof preset.subscribe === "string")
      .map((preset: Bag) => ({
        partnerAction: preset.partnerAction,
        subscribe: preset.subscribe,
        mapping: preset.mapping ?? {},
      }));
  }
  return Object.entries(definition.actions as Record<string, Bag>)
    .filter(([, action]) => typeof action.defaultSubscription === "string")
    .map(([name, action]) => ({
      partnerAction: name,
      subscribe: action.defaultSubscription,
      mapping: defaultValues(action.fields ?? {}),
    }));
}

function mappingOf(definition: Bag, input: RunInput | BatchInput): Bag {
  return input.mapping ??
    defaultValues(definition.actions[input.action!].fields ?? {});
}

async function run(
  definition: Bag,
  destination: Destination,
  input: RunInput,
): Promise<unknown> {
  checkAction(definition.actions, input.action);
  const settings = settingsOf(input);
  if (input.action === undefined) {
    const subscriptions = subscriptionsOf(definition, input);
    const results = await destination.onEvent(input.event as Bag, {
      ...settings,
      subscriptions,
    });
    return { results };
  }
  const mapping = mappingOf(definition, input);
  const payload = previewPayload(
    () => transform(mapping, input.event as Bag),
    messageOf,
  );
  const results = await destination.executeAction(input.action, {
    event: input.event,
    mapping,
    settings,
    auth: input.auth,
  });
  return { payload, results };
}

async function batch(
  definition: Bag,
  destination: Destination,
  input: BatchInput,
): Promise<unknown> {
  checkAction(definition.actions, input.action);
  if (input.action === undefined) {
    const results = await destination.onBatch(input.events as Bag[], {
      ...settingsOf(input),
      subscriptions: subscriptionsOf(definition, input),
    });
    return { results };
  }
  const results = await destination.executeBatch(input.action, {
    events: input.events,
    mapping: mappingOf(definition, input),
    settings: settingsOf(input),
  });
  return { results };
}

async function perform(
  definition: Bag,
  job: RunJob,
  fetch: typeof globalThis.fetch,
): Promise<unknown> {
  if (definition.mode !== "cloud") {
    throw new TesterRequestError(
      `Cannot run ${definition.name} on the server: it is a device-mode destination`,
    );
  }
  const destination = new Destination(definition as never, { fetch });
  const input = job.input;
  if (job.op === "run") {
    return await run(definition, destination, job.input);
  }
  if (job.op === "batch") {
    return await batch(definition, destination, job.input);
  }
  if (job.op === "testAuthentication") {
    return await destination.testAuthentication(settingsOf(input));
  }
  if (job.op === "refreshAccessToken") {
    const settings = settingsOf(input);
    if (settings.oauth === undefined) {
      throw new TesterRequestError(
        'Cannot refresh the token: the request has no "auth"',
      );
    }
    return await destination.refreshAccessToken(settings, settings.oauth);
  }
  if (job.op === "delete") {
    if (destination.onDelete === undefined) {
      throw new TesterRequestError(
        `Cannot delete: ${definition.name} has no onDelete`,
      );
    }
    return await destination.onDelete(
      job.input.event as Bag,
      settingsOf(input),
    );
  }
  const { action, field, payload = {} } = job.input;
  checkAction(definition.actions, action);
  return await destination.executeDynamicField(action, field, {
    settings: settingsOf(input),
    payload,
    auth: input.auth,
  });
}

/** The password settings and OAuth tokens of the run, to hide in the requests shown: core's rule. */
function secretsOf(
  definition: Bag,
  input: SettingsInput | undefined,
): string[] {
  return findSecrets(
    definition.authentication?.fields ?? {},
    input?.settings,
    input?.auth,
  );
}

function describeAll(directory: string): unknown[] {
  return listSegmentDestinations(directory).map((slug) => {
    const folder = `${SEGMENT_PREFIX}${slug}`;
    try {
      const definition = load(join(directory, slug, "index.js"));
      return {
        folder,
        ...describeDestination(definition as LoadedDefinition),
        segment: true,
      };
    } catch (error) {
      return { folder, error: messageOf(error), segment: true };
    }
  });
}

/**
 * Answers a job on a Segment destination (`job.segment`), or `describeSegment`: the
 * description of every destination in the folder `job.file`.
 */
export async function performSegmentJob(job: WorkerJob): Promise<WorkerAnswer> {
  if (job.op === "describeSegment") {
    return { ok: true, value: describeAll(job.file), requests: [] };
  }
  return await answerJob(job, {
    load,
    describe: (definition) =>
      describeDestination(definition as LoadedDefinition),
    perform,
    secretsOf,
    messageOf,
  });
}
