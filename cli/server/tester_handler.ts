import { join } from "node:path";
import { listDestinationFolders, unknownDestination } from "../_load.ts";
import {
  listSegmentDestinations,
  SEGMENT_PREFIX,
} from "../segment/segment_package.ts";
import { fingerprintFolder } from "./_fingerprint.ts";
import { guardRequest, readJsonBody } from "./_guard.ts";
import { type PathLabel, redactPaths } from "./_redact_paths.ts";
import { runInProcess, type RunInProcessOptions } from "./_run_in_process.ts";
import { TesterRequestError } from "./_tester_error.ts";
import { typeCheck } from "./_type_check.ts";
import type { WorkerAnswer, WorkerJob } from "./_worker_protocol.ts";
import { testerPage } from "./tester_page.ts";

/** Options of {@linkcode createTesterHandler}. */
export interface TesterHandlerOptions {
  /** The destinations folder (absolute). */
  directory: string;
  /** The port the tester listens on, read per request (it is known once listening). */
  port: () => number;
  /** The per-launch token the page gets and every API call carries in `x-destkit-token`. */
  token: string;
  /** Sends requests to the partner for real; otherwise each is recorded and answered `200 {}`. @default {false} */
  live?: boolean;
  /** Runs `deno check` on a destination whenever its files change, and shows the errors instead of a run. @default {true} */
  check?: boolean;
  /** The largest request body, in bytes. @default {1048576} */
  maxBodyBytes?: number;
  /** How long one job may run before its worker is stopped, in milliseconds. @default {30000} */
  timeoutMs?: number;
  /** The heap each job's process may use, in megabytes. @default {512} */
  maxHeapMb?: number;
  /**
   * Runs one job. The default, {@linkcode runInProcess}, starts a fresh Deno process per job,
   * so edits show on the next run and no destination or mapping can take the tester down;
   * the fuzz campaign passes an in-process runner to reach the same job code without the
   * process start.
   */
  runJob?: (
    job: WorkerJob,
    options: RunInProcessOptions,
  ) => Promise<WorkerAnswer & { logs?: string }>;
  /**
   * The compiled destinations of an installed `@segment/action-destinations`
   * (`dist/destinations`, `serve --segment`): listed as `segment:<slug>` after the local ones
   * and run through the drop-in.
   */
  segmentDirectory?: string;
  /** Serves the device-mode assets (`/device/...`); answers `undefined` when the path is not one of them. */
  device?: (
    request: Request,
    folder: string,
    redact: (text: string) => string,
  ) => Promise<Response | undefined>;
}

/** The routes of `POST /api/<name>` and the worker job each runs. */
const JOBS: Record<string, WorkerJob["op"]> = {
  "/api/run": "run",
  "/api/batch": "batch",
  "/api/test-authentication": "testAuthentication",
  "/api/refresh-token": "refreshAccessToken",
  "/api/delete": "delete",
  "/api/dynamic-fields": "dynamicFields",
};

/** How each job's body must look beyond `destination`. */
const REQUIRED: Partial<Record<WorkerJob["op"], [string, string][]>> = {
  run: [["event", "object"]],
  batch: [["events", "array"]],
  delete: [["event", "object"]],
  dynamicFields: [["action", "string"], ["field", "string"]],
};

interface Loaded {
  fingerprint: string;
  at: string;
  checked: boolean;
  checkError?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkBody(
  body: unknown,
  op: WorkerJob["op"],
): Record<string, unknown> {
  if (!isRecord(body)) {
    throw new TesterRequestError(
      "Cannot run: the request body is not a JSON object",
    );
  }
  if (typeof body.destination !== "string") {
    throw new TesterRequestError(
      'Cannot run: the request has no "destination" (a folder name)',
    );
  }
  for (const [key, kind] of REQUIRED[op] ?? []) {
    const value = body[key];
    const fits = kind === "array"
      ? Array.isArray(value)
      : kind === "object"
      ? isRecord(value)
      : typeof value === "string";
    if (!fits) {
      throw new TesterRequestError(
        `Cannot run: the request has no "${key}" (${
          kind === "object" ? "an object" : `an ${kind}`
        })`,
      );
    }
  }
  for (const key of ["settings", "mapping", "auth", "payload"]) {
    if (body[key] !== undefined && !isRecord(body[key])) {
      throw new TesterRequestError(
        `Cannot run: "${key}" is not a JSON object`,
      );
    }
  }
  return body;
}

/**
 * Returns the request handler of `deno task serve`: the tester page at `/`,
 * the destinations at `GET /api/destinations`, `POST /api/run` (one event),
 * `/api/batch`, `/api/test-authentication`, `/api/refresh-token`,
 * `/api/delete` and `/api/dynamic-fields`. Each job runs in a fresh worker, so
 * edits show up on the next call; every answer says when the destination was
 * last reloaded.
 */
export function createTesterHandler(
  options: TesterHandlerOptions,
): (request: Request) => Promise<Response> {
  const {
    directory,
    port,
    token,
    live = false,
    check = true,
    maxBodyBytes = 1024 * 1024,
    timeoutMs = 30_000,
    maxHeapMb = 512,
    runJob = runInProcess,
    device,
    segmentDirectory,
  } = options;
  const loaded = new Map<string, Loaded>();
  let segmentList: Promise<unknown[]> | undefined;
  let segmentFolders: string[] | undefined;
  const labels: PathLabel[] = [
    ...(segmentDirectory === undefined
      ? []
      : [[segmentDirectory, "@segment/action-destinations"] as const]),
    [directory, "destinations"],
    [Deno.cwd(), "."],
    ...(Deno.env.get("HOME") ? [[Deno.env.get("HOME")!, "~"] as const] : []),
  ];

  function json(value: unknown, status = 200): Response {
    return new Response(redactPaths(JSON.stringify(value), labels), {
      status,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      },
    });
  }

  async function findFolder(folder: string): Promise<string> {
    if (segmentDirectory !== undefined && folder.startsWith(SEGMENT_PREFIX)) {
      // Read once: the installed package does not change while the tester runs.
      segmentFolders ??= listSegmentDestinations(segmentDirectory)
        .map((slug) => `${SEGMENT_PREFIX}${slug}`);
      const folders = segmentFolders;
      if (!folders.includes(folder)) {
        throw new TesterRequestError(
          unknownDestination(folder, folders, "@segment/action-destinations"),
        );
      }
      return folder;
    }
    const folders = await listDestinationFolders(directory);
    if (!folders.includes(folder)) {
      throw new TesterRequestError(
        unknownDestination(folder, folders, "destinations"),
      );
    }
    return folder;
  }

  // Notes a new fingerprint of the folder, and type-checks it when it changed.
  // Notes a new fingerprint of the folder; with `typed`, also type-checks it
  // once per fingerprint (a run needs it, the list does not wait for it).
  async function refresh(
    folder: string,
    typed: boolean,
  ): Promise<Loaded & { reloaded: boolean }> {
    const fingerprint = await fingerprintFolder(join(directory, folder));
    const previous = loaded.get(folder);
    const same = previous?.fingerprint === fingerprint;
    const entry: Loaded = same
      ? previous
      : { fingerprint, at: new Date().toISOString(), checked: false };
    if (typed && check && !entry.checked) {
      entry.checkError = await typeCheck(join(directory, folder, "index.ts"));
      entry.checked = true;
    }
    loaded.set(folder, entry);
    return { ...entry, reloaded: previous !== undefined && !same };
  }

  async function perform(
    folder: string,
    job: (file: string) => WorkerJob,
  ): Promise<Response> {
    if (segmentDirectory !== undefined && folder.startsWith(SEGMENT_PREFIX)) {
      const slug = folder.slice(SEGMENT_PREFIX.length);
      const file = join(segmentDirectory, slug, "index.js");
      return respond(
        await runJob({ ...job(file), segment: true }, {
          timeoutMs,
          live,
          maxHeapMb,
        }),
      );
    }
    const state = await refresh(folder, true);
    const reload = { reloaded: state.reloaded, at: state.at };
    if (state.checkError !== undefined) {
      return json({ stage: "check", error: state.checkError, reload }, 422);
    }
    return respond(
      await runJob(
        job(join(directory, folder, "index.ts")),
        { timeoutMs, live, maxHeapMb },
      ),
      reload,
    );
  }

  function respond(
    answer: WorkerAnswer & { logs?: string },
    reload?: { reloaded: boolean; at: string },
  ): Response {
    if (!answer.ok) {
      const status = answer.stage === "load" ? 422 : answer.status ?? 500;
      return json({
        stage: answer.stage,
        error: answer.error,
        requests: answer.requests,
        logs: answer.logs,
        reload,
      }, status);
    }
    return json({
      ...answer.value as object,
      requests: answer.requests,
      logs: answer.logs,
      reload,
    });
  }

  async function destinations(): Promise<Response> {
    const list = [];
    for (const folder of await listDestinationFolders(directory)) {
      const state = await refresh(folder, false);
      const answer = await runJob(
        { op: "describe", file: join(directory, folder, "index.ts") },
        { timeoutMs, live, maxHeapMb },
      );
      const reload = { reloaded: state.reloaded, at: state.at };
      if (!answer.ok) list.push({ folder, error: answer.error, reload });
      else {
        list.push({
          folder,
          ...answer.value as object,
          ...(state.checkError === undefined
            ? {}
            : { checkError: state.checkError }),
          reload,
        });
      }
    }
    if (segmentDirectory !== undefined) list.push(...await segment());
    return json({ live, destinations: list });
  }

  // Segment's installed package does not change while the tester runs: described once.
  function segment(): Promise<unknown[]> {
    segmentList ??= runJob(
      { op: "describeSegment", file: segmentDirectory!, segment: true },
      // Loading every destination of the package takes longer than one run.
      { timeoutMs: Math.max(timeoutMs, 120_000), live, maxHeapMb },
    ).then((answer) => {
      if (answer.ok) return answer.value as unknown[];
      segmentList = undefined;
      return [{ folder: SEGMENT_PREFIX, error: answer.error }];
    });
    return segmentList;
  }

  async function route(request: Request): Promise<Response> {
    guardRequest(request, { port: port(), token, maxBodyBytes });
    const url = new URL(request.url);
    if (request.method === "GET" && url.pathname === "/") {
      return new Response(testerPage(token), {
        headers: {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          "x-frame-options": "SAMEORIGIN",
        },
      });
    }
    if (request.method === "GET" && url.pathname === "/favicon.ico") {
      return new Response(null, { status: 204 });
    }
    if (request.method === "GET" && url.pathname === "/api/destinations") {
      return await destinations();
    }
    const op = JOBS[url.pathname];
    if (request.method === "POST" && op !== undefined) {
      const body = checkBody(await readJsonBody(request, maxBodyBytes), op);
      const folder = await findFolder(body.destination as string);
      const { destination: _, ...input } = body;
      return await perform(
        folder,
        (file) => ({ op, file, input: { ...input, live } }) as WorkerJob,
      );
    }
    const match = /^\/device\/([^/]+)\//.exec(url.pathname);
    if (request.method === "GET" && match !== null && device !== undefined) {
      const folder = match[1] === "_" ? "_" : await findFolder(match[1]);
      const response = await device(
        request,
        folder,
        (text) => redactPaths(text, labels),
      );
      if (response !== undefined) return response;
    }
    throw new TesterRequestError(
      `Cannot ${request.method} ${url.pathname}: no such route`,
      404,
    );
  }

  return async function handle(request: Request): Promise<Response> {
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof TesterRequestError) {
        return json({ error: error.message }, error.status);
      }
      return json({
        error: `The tester failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
      }, 500);
    }
  };
}
