import {
  createDestination,
  type DestinationDefinition,
  type SegmentEvent,
  transform,
} from "@destkit/core";
import { describeDestination } from "../manifest.ts";
import {
  listDestinationFolders,
  loadDestination,
  unknownDestination,
} from "../_load.ts";
import { TESTER_PAGE } from "./tester_page.ts";

/** Options of {@linkcode createTesterHandler}. */
export interface TesterHandlerOptions {
  /** The destinations folder (absolute). */
  directory: string;
  /** Sends requests to the partner for real; otherwise each is recorded and answered `200 {}`. @default {false} */
  live?: boolean;
}

/** The body of `POST /api/run`. */
export interface RunRequest {
  /** The destination's folder name. */
  destination: string;
  /** Runs this action with `executeAction`; without it, `onEvent` runs the default subscriptions. */
  action?: string;
  settings?: Record<string, unknown>;
  /** The mapping; the action's field defaults when absent. */
  mapping?: Record<string, unknown>;
  event: SegmentEvent;
  auth?: { accessToken: string; refreshToken?: string };
}

function json(value: unknown, status = 200): Response {
  return Response.json(value, { status });
}

function recordingFetch(): typeof fetch {
  return () => Promise.resolve(Response.json({}, { status: 200 }));
}

/**
 * Returns the request handler of `deno task serve`: the tester page at `/`,
 * the destinations at `GET /api/destinations`, and `POST /api/run`, which runs
 * an event through a destination and answers with the mapped payload, the
 * requests made and the results.
 */
export function createTesterHandler(
  options: TesterHandlerOptions,
): (request: Request) => Promise<Response> {
  const { directory, live = false } = options;
  return async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    try {
      if (request.method === "GET" && url.pathname === "/") {
        return new Response(TESTER_PAGE, {
          headers: { "content-type": "text/html; charset=utf-8" },
        });
      }
      if (request.method === "GET" && url.pathname === "/api/destinations") {
        const destinations = [];
        for (const folder of await listDestinationFolders(directory)) {
          const loaded = await loadDestination(directory, folder);
          if (loaded.definition === undefined) {
            destinations.push({ folder, error: loaded.error });
          } else {
            destinations.push({
              folder,
              ...describeDestination(loaded.definition),
            });
          }
        }
        return json({ live, destinations });
      }
      if (request.method === "POST" && url.pathname === "/api/run") {
        return json(await run(await request.json() as RunRequest));
      }
      return json({
        error: `Cannot ${request.method} ${url.pathname}: no such route`,
      }, 404);
    } catch (error) {
      return json({
        error: error instanceof Error ? error.message : String(error),
      }, 400);
    }
  };

  async function run(body: RunRequest): Promise<unknown> {
    const folders = await listDestinationFolders(directory);
    if (
      typeof body.destination !== "string" ||
      !folders.includes(body.destination)
    ) {
      throw new Error(
        unknownDestination(String(body.destination), folders, directory),
      );
    }
    const loaded = await loadDestination(directory, body.destination);
    if (loaded.definition === undefined) {
      throw new Error(`Cannot load ${body.destination}: ${loaded.error}`);
    }
    if (loaded.definition.mode !== "cloud") {
      throw new Error(
        `Cannot run ${body.destination} here: it is a device-mode destination, which runs in the browser`,
      );
    }
    const destination = createDestination(
      loaded.definition as DestinationDefinition,
      {
        recordRequests: true,
        ...(live ? {} : { fetch: recordingFetch() }),
      },
    );
    const settings = body.settings ?? {};
    if (body.action !== undefined) {
      const mapping = body.mapping ?? destination.defaultMapping(body.action);
      let payload: unknown;
      try {
        payload = transform(mapping, body.event);
      } catch (error) {
        payload = {
          error: error instanceof Error ? error.message : String(error),
        };
      }
      const result = await destination.executeAction(body.action, {
        event: body.event,
        mapping,
        settings,
        auth: body.auth,
      });
      return { payload, results: [result] };
    }
    const results = await destination.onEvent(body.event, {
      ...settings,
      subscriptions: destination.defaultSubscriptions(),
    }, { auth: body.auth });
    return { results };
  }
}
