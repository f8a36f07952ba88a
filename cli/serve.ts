// deno-lint-ignore-file no-console
/**
 * `deno task serve`: a local tester on 127.0.0.1: pick a destination and an
 * action, edit settings, mapping and event, run them, and see the payload, the
 * requests made and the results.
 *
 * @module
 */
import { Command, InvalidArgumentError } from "@commander-js/extra-typings";
import { resolveDirectory } from "./_destinations_dir.ts";
import { runMain, style } from "./_output.ts";
import { createTesterHandler } from "./server/tester_handler.ts";

/** Options of {@linkcode startTester}. */
export interface ServeOptions {
  /** The port; 0 picks a free one. @default {4400} */
  port?: number;
  /** The destinations folder. @default {"destinations"} */
  directory?: string;
  /** Sends requests to partners for real. @default {false} */
  live?: boolean;
}

/** Starts the tester on 127.0.0.1 and returns the server (its `addr` has the port). */
export function startTester(
  options: ServeOptions = {},
): Deno.HttpServer<Deno.NetAddr> {
  const { port = 4400, live = false } = options;
  const handler = createTesterHandler({
    directory: resolveDirectory(options.directory),
    live,
  });
  return Deno.serve(
    { hostname: "127.0.0.1", port, onListen: () => {} },
    handler,
  );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a port (0 to 65535)`);
  }
  return port;
}

/** The `deno task serve` command. */
export function serveCommand() {
  return new Command("deno task serve")
    .description(
      "Start the local tester on 127.0.0.1: run destinations on test events, no account needed",
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
    .addHelpText(
      "after",
      `
Examples:
  $ deno task serve
  $ deno task serve --port 8080
  $ deno task serve --live`,
    )
    .action(async (options) => {
      const server = startTester(options);
      console.log(
        `${style.green("Tester")} on ${
          style.bold(`http://127.0.0.1:${server.addr.port}/`)
        }`,
      );
      console.log(
        options.live
          ? "Live: requests go to the partners."
          : "Dry run: requests are recorded, not sent.",
      );
      await server.finished;
    });
}

if (import.meta.main) {
  await runMain(() =>
    serveCommand().parseAsync(Deno.args, { from: "user" }).then(() => {})
  );
}
