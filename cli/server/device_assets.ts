import * as esbuild from "esbuild";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleAnalyticsNext } from "../../browser/bundle/bundle_analytics_next.ts";
import {
  bundleDestination,
  type BundleManifest,
} from "../../browser/bundle/bundle_destination.ts";
import { fingerprintFolder } from "./_fingerprint.ts";
import { TesterRequestError } from "./_tester_error.ts";
import { deviceFrame } from "./device_frame.ts";

/** Options of {@linkcode createDeviceAssets}. */
export interface DeviceAssetsOptions {
  /** The destinations folder (absolute). */
  directory: string;
  /** The launch token every asset URL carries as `?token=`. */
  token: string;
  /** Partner SDK URLs and the files served in their place. */
  sdkStubs: Record<string, string>;
}

/** The device-mode assets of the tester and how to stop their build service. */
export interface DeviceAssets {
  /** Answers `/device/<folder>/...`, or `undefined` for another path. */
  handle(
    request: Request,
    folder: string,
    redact: (text: string) => string,
  ): Promise<Response | undefined>;
  /** Stops esbuild and removes the built bundles. */
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(
  /\/$/,
  "",
);

function javascript(body: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-store",
    },
  });
}

/**
 * Serves what a device-mode run needs in the page, from loopback only: the run
 * frame, analytics-next, the destination's bundle (rebuilt when its files
 * change, with stubbed SDK URLs pointing to loopback) and the SDK stubs.
 */
export function createDeviceAssets(
  options: DeviceAssetsOptions,
): DeviceAssets {
  const { directory, token, sdkStubs } = options;
  const stubs = Object.entries(sdkStubs);
  let analytics: Promise<string> | undefined;
  let outRoot: string | undefined;
  const bundles = new Map<
    string,
    { fingerprint: string; built: Promise<[BundleManifest, string]> }
  >();

  async function buildBundle(
    folder: string,
  ): Promise<[BundleManifest, string]> {
    outRoot ??= await Deno.makeTempDir({ prefix: "destkit_tester_" });
    const outDir = join(outRoot, folder);
    const manifest = await bundleDestination({
      slug: folder,
      entry: join(directory, folder, "index.ts"),
      outDir,
      root: ROOT,
      gzipBudget: Infinity,
    });
    const file = manifest.files.find((f) => f.format === "iife")!.file;
    let code = await Deno.readTextFile(join(outDir, file));
    stubs.forEach(([url], index) => {
      code = code.split(JSON.stringify(url)).join(
        JSON.stringify(`/device/_/sdk/${index}.js?token=${token}`),
      );
    });
    return [manifest, code];
  }

  async function bundle(folder: string): Promise<[BundleManifest, string]> {
    const fingerprint = await fingerprintFolder(join(directory, folder));
    const cached = bundles.get(folder);
    if (cached?.fingerprint === fingerprint) return await cached.built;
    const built = buildBundle(folder);
    bundles.set(folder, { fingerprint, built });
    built.catch(() => bundles.delete(folder));
    return await built;
  }

  async function handle(
    request: Request,
    folder: string,
    redact: (text: string) => string,
  ): Promise<Response | undefined> {
    const url = new URL(request.url);
    if (url.searchParams.get("token") !== token) {
      throw new TesterRequestError(
        "Cannot serve a device asset without this launch's token: reload the tester page",
        403,
      );
    }
    const rest = url.pathname.slice(`/device/${folder}/`.length);
    if (folder === "_" && rest === "analytics.js") {
      analytics ??= bundleAnalyticsNext(ROOT);
      analytics.catch(() => (analytics = undefined));
      return javascript(await analytics);
    }
    const stub = /^sdk\/(\d+)\.js$/.exec(rest);
    if (folder === "_" && stub !== null) {
      const entry = stubs[Number(stub[1])];
      if (entry === undefined) return undefined;
      return javascript(await Deno.readTextFile(resolve(entry[1])));
    }
    if (folder === "_") return undefined;
    if (rest === "frame") {
      return new Response(deviceFrame(token), {
        headers: {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          // Nothing leaves the machine: scripts and calls reach loopback only.
          "content-security-policy":
            "default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
        },
      });
    }
    if (rest === "bundle.js") {
      try {
        const [manifest, code] = await bundle(folder);
        return javascript(
          `${code}\nglobalThis.__destkitLibrary = ${
            JSON.stringify(manifest.globalName)
          };`,
        );
      } catch (error) {
        return javascript(
          `globalThis.__destkitBundleError = ${
            JSON.stringify(redact((error as Error).message))
          };`,
        );
      }
    }
    return undefined;
  }

  async function close(): Promise<void> {
    await esbuild.stop();
    if (outRoot !== undefined) {
      await Deno.remove(outRoot, { recursive: true }).catch(() => {});
    }
  }

  return { handle, close };
}
