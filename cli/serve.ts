// deno-lint-ignore-file no-console
/**
 * `deno task serve`: a local tester on 127.0.0.1: pick a destination and an
 * action, edit settings, mapping and event, run them, and see the payload, the
 * requests made and the results. Each run imports the destination afresh, so
 * edits show up without a restart.
 *
 * @module
 */
import { InvalidArgumentError } from "@commander-js/extra-typings";
import { createCommand } from "./_command.ts";
import { resolveDirectory } from "./_destinations_dir.ts";
import { runMain, style } from "./_output.ts";
import {
  DEFAULT_SEGMENT_PACKAGE,
  resolveSegmentDestinations,
} from "./segment/segment_package.ts";
import { createDeviceAssets } from "./server/device_assets.ts";
import { createTesterHandler } from "./server/tester_handler.ts";

/** Options of {@linkcode startTester}. */
export interface ServeOptions {
  /** The port; 0 picks a free one. @default {4400} */
  port?: number;
  /** The destinations folder. @default {"destinations"} */
  directory?: string;
  /** Sends requests to partners for real. @default {false} */
  live?: boolean;
  /** Runs `deno check` on a destination when its files change. @default {true} */
  check?: boolean;
  /** The largest request body, in bytes. @default {1048576} */
  maxBodyBytes?: number;
  /** How long one run may take before its worker is stopped, in milliseconds. @default {30000} */
  timeoutMs?: number;
  /** The heap each run's process may use, in megabytes. @default {512} */
  maxHeapMb?: number;
  /** Partner SDK URLs and the local files served in their place in the page. @default {{}} */
  sdkStubs?: Record<string, string>;
  /**
   * Also lists the destinations of an installed `@segment/action-destinations` (its
   * `node_modules` folder or the package's folder) as `segment:<slug>`, run through the
   * drop-in. @default {undefined} (none)
   */
  segment?: string;
}

/** A running tester. */
export interface Tester {
  /** The address it listens on (127.0.0.1). */
  addr: Deno.NetAddr;
  /** The page's address, `http://127.0.0.1:<port>/`. */
  url: string;
  /** This launch's token: API calls carry it in `x-destkit-token`. */
  token: string;
  /** Resolves when the server has stopped. */
  finished: Promise<void>;
  /** Stops the server. */
  shutdown(): Promise<void>;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join(
    "",
  );
}

/**
 * Starts the tester on 127.0.0.1 and returns it.
 *
 * @throws {Error} When the port is in use (the message suggests `--port 0`).
 */
export function startTester(options: ServeOptions = {}): Tester {
  const {
    port = 4400,
    live = false,
    check = true,
    maxBodyBytes,
    timeoutMs,
    maxHeapMb,
    sdkStubs = {},
  } = options;
  const directory = resolveDirectory(options.directory);
  const segmentDirectory = options.segment === undefined
    ? undefined
    : resolveSegmentDestinations(options.segment);
  const token = randomToken();
  let server: Deno.HttpServer<Deno.NetAddr> | undefined;
  const device = createDeviceAssets({ directory, token, sdkStubs });
  const handler = createTesterHandler({
    directory,
    port: () => server?.addr.port ?? port,
    token,
    live,
    check,
    maxBodyBytes,
    timeoutMs,
    maxHeapMb,
    device: device.handle,
    segmentDirectory,
  });
  try {
    server = Deno.serve(
      { hostname: "127.0.0.1", port, onListen: () => {} },
      handler,
    );
  } catch (error) {
    if (error instanceof Deno.errors.AddrInUse) {
      throw new Error(`port ${port} is in use; try --port 0`);
    }
    throw error;
  }
  const running = server;
  return {
    addr: running.addr,
    url: `http://127.0.0.1:${running.addr.port}/`,
    token,
    finished: running.finished,
    async shutdown() {
      await running.shutdown();
      await device.close();
    },
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a port (0 to 65535)`);
  }
  return port;
}

function parseStub(
  value: string,
  previous: Record<string, string> | undefined,
): Record<string, string> {
  const at = value.lastIndexOf("=");
  const url = value.slice(0, at);
  if (at < 1 || !URL.canParse(url) || at === value.length - 1) {
    throw new InvalidArgumentError(
      `"${value}" is not <sdk-url>=<file> (such as https://cdn.acme.test/sdk.js=test/acme_sdk.js)`,
    );
  }
  return { ...previous, [url]: value.slice(at + 1) };
}

/** The `deno task serve` command. */
export function serveCommand() {
  return createCommand(
    "serve",
    "Start the local tester on 127.0.0.1: run destinations on test events, no account needed.\n" +
      "Cloud destinations run on the server (events, batches, authentication, deletion,\n" +
      "dynamic fields), device-mode ones in the page inside analytics-next. Every run\n" +
      "imports the destination afresh: edit and run again.",
    [
      "deno task serve",
      "deno task serve --port 0",
      "deno task serve --live",
      "deno task serve --segment",
      "deno task serve --segment ../my-app/node_modules",
      "deno task serve --sdk-stub https://cdn.hubble.team/sdk/hubble.js=browser/testdata/hubble_sdk.js",
    ],
  )
    .option(
      "-p, --port <port>",
      "the port (0 picks a free one)",
      parsePort,
      4400,
    )
    .option("--directory <path>", "the destinations folder", "destinations")
    .option(
      "--live",
      "send requests to the partner APIs instead of recording them",
    )
    .option(
      "--no-check",
      "skip `deno check` when a destination's files change",
    )
    .option(
      "--sdk-stub <url=file>",
      "serve a local file in place of a device-mode partner SDK (repeatable)",
      parseStub,
    )
    .option(
      "--segment [path]",
      "also list Segment's published destinations, run through the drop-in: the node_modules " +
        "folder (or package folder) of an installed @segment/action-destinations " +
        "(default: replay/node_modules, installed by npm ci in replay/)",
    )
    .action(async (options) => {
      const tester = startTester({
        ...options,
        sdkStubs: options.sdkStub,
        segment: options.segment === true
          ? DEFAULT_SEGMENT_PACKAGE
          : options.segment,
      });
      console.log(`${style.green("Tester")} on ${style.bold(tester.url)}`);
      console.log(
        options.live
          ? "Live: requests go to the partners."
          : "Dry run: requests are recorded, not sent.",
      );
      await tester.finished;
    });
}

if (import.meta.main) {
  await runMain(() =>
    serveCommand().parseAsync(Deno.args, { from: "user" }).then(() => {})
  );
}
