// End-to-end: bundled destinations in headless Chromium, inside the real @segment/analytics-next.
import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import { chromiumTestOptions, launchChromium } from "./_testing.ts";
import { bundleAnalyticsNext } from "./bundle/bundle_analytics_next.ts";
import {
  bundleDestination,
  type BundleManifest,
} from "./bundle/bundle_destination.ts";
import { HUBBLE_SDK_URL } from "../destinations/hubble-web/index.ts";
import { USERPILOT_SDK_URL } from "../destinations/userpilot-web/index.ts";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
const SDKS: Record<string, string> = {
  [HUBBLE_SDK_URL]: "hubble_sdk.js",
  [USERPILOT_SDK_URL]: "userpilot_sdk.js",
};

interface PartnerCall {
  sdk: string;
  method: string;
  args: unknown[];
  appId?: string;
  token?: string;
}

interface PageReport {
  calls: PartnerCall[];
  sdkLoads: string[];
  errors: { message: string; plugin?: string; error?: string }[];
}

interface RemotePlugin {
  name: string;
  creationName: string;
  libraryName: string;
  url: string;
  settings: Record<string, unknown>;
}

interface Assets {
  manifests: Record<string, BundleManifest>;
  analytics: string;
  runtime: string;
}

async function buildAssets(dir: string): Promise<Assets> {
  const manifests: Record<string, BundleManifest> = {};
  for (const slug of ["hubble-web", "userpilot-web"]) {
    manifests[slug] = await bundleDestination({
      slug,
      entry: `${root}/destinations/${slug}/index.ts`,
      outDir: `${dir}/${slug}`,
      root,
      gzipBudget: Infinity,
    });
  }
  const analytics = await bundleAnalyticsNext(root);
  const runtime = await esbuild.build({
    entryPoints: [`${root}/browser/mod.ts`],
    bundle: true,
    format: "iife",
    globalName: "DestkitBrowser",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  await esbuild.stop();
  return {
    manifests,
    analytics,
    runtime: runtime.outputFiles[0].text,
  };
}

function serveAssets(
  dir: string,
  { analytics, runtime }: Assets,
): Deno.HttpServer<Deno.NetAddr> {
  const page =
    `<!doctype html><html><head><title>host page</title><script src="/analytics.js"></script></head>` +
    `<body><p id="host">host page</p></body></html>`;
  return Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === "/") {
        return new Response(page, {
          headers: { "content-type": "text/html" },
        });
      }
      if (pathname === "/analytics.js") return javascript(analytics);
      if (pathname === "/runtime.js") return javascript(runtime);
      if (pathname === "/slow.js") {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return javascript("globalThis.__slow = true;");
      }
      if (pathname === "/counted.js") {
        return javascript(
          "globalThis.__counted = (globalThis.__counted ?? 0) + 1;",
        );
      }
      if (pathname.startsWith("/sdk/")) {
        return javascript(
          await Deno.readTextFile(
            new URL(`./testdata/${pathname.slice(5)}`, import.meta.url),
          ),
        );
      }
      if (pathname.startsWith("/dist/") && !pathname.includes("..")) {
        return javascript(
          await Deno.readTextFile(`${dir}/${pathname.slice(6)}`),
        );
      }
      return new Response("not found", { status: 404 });
    },
  );
}

/** An enabled subscription of `partnerAction` to the events `subscribe` matches. */
function subscribed(partnerAction: string, subscribe: string) {
  return { partnerAction, subscribe, enabled: true };
}

function javascript(body: string): Response {
  return new Response(body, { headers: { "content-type": "text/javascript" } });
}

Deno.test({
  ...chromiumTestOptions(
    "bundled destinations run inside analytics-next in Chromium",
  ),
  async fn(t) {
    const dir = await Deno.makeTempDir({ prefix: "destkit_browser_" });
    const assets = await buildAssets(dir);
    const { manifests } = assets;
    const server = serveAssets(dir, assets);
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const browser = await launchChromium(15_000);

    function remotePlugin(
      slug: string,
      format: "esm" | "iife",
      settings: Record<string, unknown>,
    ): RemotePlugin {
      const manifest = manifests[slug];
      const file = manifest.files.find((f) => f.format === format)!.file;
      const name = slug === "hubble-web"
        ? "Hubble (actions)"
        : "Userpilot Web (Actions)";
      return {
        name,
        creationName: name,
        libraryName: manifest.globalName,
        url: `${origin}/dist/${slug}/${file}`,
        settings,
      };
    }

    // A fresh page whose only way out is loopback; partner CDN URLs get the stand-in SDKs,
    // except those listed in `failing`, which are refused.
    async function openPage(
      failing: string[] = [],
    ): Promise<{ context: BrowserContext; page: Page; warnings: string[] }> {
      const context = await browser.newContext();
      context.setDefaultTimeout(5_000);
      await context.route("**/*", async (route) => {
        const url = route.request().url();
        const sdk = SDKS[url];
        if (sdk !== undefined && !failing.includes(url)) {
          const response = await fetch(`${origin}/sdk/${sdk}`);
          await route.fulfill({
            status: 200,
            contentType: "text/javascript",
            body: await response.text(),
          });
        } else if (new URL(url).hostname === "127.0.0.1") {
          await route.continue();
        } else await route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      const warnings: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "warning" || message.type() === "error") {
          warnings.push(message.text());
        }
      });
      page.on(
        "pageerror",
        (error) => warnings.push(`page error: ${error.message}`),
      );
      await page.goto(`${origin}/`);
      return { context, page, warnings };
    }

    // Loads analytics-next with the remote plugins given inline (nothing is fetched from Segment),
    // runs `calls` in order, and reports what the stand-in SDKs saw and the errors logged on each context.
    async function run(
      page: Page,
      remotePlugins: RemotePlugin[],
      calls: [string, ...unknown[]][],
      esm?: string,
    ): Promise<PageReport> {
      return await page.evaluate(async ({ remotePlugins, calls, esm }) => {
        // deno-lint-ignore no-explicit-any
        const g = globalThis as any;
        const plugins = esm === undefined ? [] : [(await import(esm)).default];
        const [analytics] = await g.AnalyticsNext.AnalyticsBrowser.load(
          {
            writeKey: "test-write-key",
            cdnSettings: { integrations: {}, remotePlugins },
            plugins,
          },
          { integrations: { "Segment.io": false } },
        );
        const errors = [];
        for (const [method, ...args] of calls) {
          const ctx = await analytics[method](...args);
          for (const log of ctx.logs()) {
            if (log.level !== "error") continue;
            const error = log.extras?.error;
            errors.push({
              message: log.message,
              plugin: log.extras?.plugin,
              error: error === undefined
                ? undefined
                : `${error.name}: ${error.message}`,
            });
          }
        }
        return {
          calls: g.__partnerCalls ?? [],
          sdkLoads: g.__sdkLoads ?? [],
          errors,
        };
      }, { remotePlugins, calls, esm });
    }

    // Runs `run` on a fresh page (see openPage), then closes it.
    async function runOnNewPage(
      remotePlugins: RemotePlugin[],
      calls: [string, ...unknown[]][],
      esm?: string,
    ): Promise<{ report: PageReport; warnings: string[] }> {
      const { context, page, warnings } = await openPage();
      try {
        return { report: await run(page, remotePlugins, calls, esm), warnings };
      } finally {
        await context.close();
      }
    }

    const hubbleTrack = (
      subscribe: string,
      mapping?: Record<string, unknown>,
    ) =>
      remotePlugin("hubble-web", "iife", {
        appID: "app-1",
        subscriptions: [
          {
            partnerAction: "track",
            name: "Track",
            subscribe,
            enabled: true,
            ...(mapping ? { mapping } : {}),
          },
          {
            partnerAction: "identify",
            name: "Identify",
            subscribe: 'type = "identify"',
            enabled: true,
          },
        ],
      });

    try {
      await t.step(
        "track() reaches the partner SDK from its CDN URL with the mapped payload",
        async () => {
          const { report, warnings } = await runOnNewPage([
            hubbleTrack('type = "track"', {
              event: { "@template": "web: {{event}}" },
              attributes: {
                revenue: { "@path": "$.properties.total" },
                plan: { "@path": "$.properties.plan" },
              },
            }),
          ], [["identify", "u1", { email: "a@b.co" }], [
            "track",
            "Order Completed",
            { total: 42, plan: "pro" },
          ]]);
          assert.deepEqual(report.errors, [], warnings.join("\n"));
          assert.deepEqual(
            report.sdkLoads,
            ["hubble"],
            "the SDK loads once for both actions",
          );
          const [identify, track] = report.calls;
          assert.deepEqual(track, {
            sdk: "hubble",
            appId: "app-1",
            method: "track",
            args: ["web: Order Completed", { revenue: 42, plan: "pro" }],
          });
          assert.equal(identify.method, "identify");
          const [userId, attributes] = identify.args as [
            string,
            { anonymousId: unknown; email: string },
          ];
          assert.equal(userId, "u1");
          assert.equal(attributes.email, "a@b.co");
          assert.equal(typeof attributes.anonymousId, "string");
        },
      );

      await t.step(
        "the ESM bundle works as a plugin factory passed to load()",
        async () => {
          const { context, page } = await openPage();
          const plugin = remotePlugin("hubble-web", "esm", {
            appID: "app-esm",
            subscriptions: [subscribed("track", 'type = "track"')],
          });
          const report = await run(page, [{
            ...plugin,
            url: `${origin}/never-fetched.js`,
          }], [["track", "Signed Up", {
            source: "esm",
          }]], plugin.url);
          await context.close();
          assert.deepEqual(report.calls, [{
            sdk: "hubble",
            appId: "app-esm",
            method: "track",
            args: ["Signed Up", { source: "esm" }],
          }]);
        },
      );

      await t.step(
        "an event that matches no subscription reaches no SDK",
        async () => {
          const { report } = await runOnNewPage([
            hubbleTrack('type = "track" and event = "Order Completed"'),
          ], [
            ["track", "Viewed Page"],
            ["page"],
            ["track", "Order Completed", { total: 1 }],
          ]);
          assert.deepEqual(report.errors, []);
          assert.deepEqual(report.calls.map((c) => [c.method, c.args[0]]), [[
            "track",
            "Order Completed",
          ]]);
        },
      );

      await t.step(
        "an invalid payload makes no call and reports a validation error",
        async () => {
          const { report } = await runOnNewPage([
            hubbleTrack('type = "track"', {
              event: { "@path": "$.properties.missing" },
            }),
          ], [
            ["track", "Order Completed", { total: 1 }],
          ]);
          assert.deepEqual(report.calls, []);
          assert.equal(report.errors.length, 1, JSON.stringify(report.errors));
          assert.match(
            report.errors[0].error ?? "",
            /^PayloadValidationError: .*event/,
          );
        },
      );

      await t.step(
        "an SDK that fails to load is reported and breaks neither the page nor other destinations",
        async () => {
          const { context, page, warnings } = await openPage([HUBBLE_SDK_URL]);
          const report = await run(page, [
            hubbleTrack('type = "track"'),
            remotePlugin("userpilot-web", "iife", {
              token: "tok-1",
              subscriptions: [subscribed("trackEvent", 'type = "track"')],
            }),
          ], [["track", "Order Completed", { total: 3 }]]);
          const host = await page.textContent("#host");
          await context.close();
          assert.equal(host, "host page");
          assert.deepEqual(report.calls.map((c) => [c.sdk, c.method, c.args]), [
            ["userpilot", "track", ["Order Completed", { total: 3 }]],
          ]);
          assert.ok(
            warnings.some((w) =>
              w.includes(`Cannot load script ${HUBBLE_SDK_URL}`)
            ),
            `no warning names the script: ${JSON.stringify(warnings)}`,
          );
        },
      );

      await t.step(
        "loadScript() loads a URL once, and rejects clearly on failure and timeout",
        async () => {
          const { context, page } = await openPage();
          await page.addScriptTag({ url: `${origin}/runtime.js` });
          const outcome = await page.evaluate(async (origin) => {
            // deno-lint-ignore no-explicit-any
            const { loadScript } = (globalThis as any).DestkitBrowser;
            const settle = (promise: Promise<unknown>) =>
              promise.then(
                () => "loaded",
                (error: Error) => `${error.name}: ${error.message}`,
              );
            const counted = `${origin}/counted.js`;
            const [first, second] = await Promise.all([
              loadScript(counted),
              loadScript("/counted.js"),
            ]);
            await loadScript(counted);
            return {
              sameElement: first === second,
              runs: (globalThis as { __counted?: number }).__counted,
              elements:
                document.querySelectorAll(`script[src="${counted}"]`).length,
              missing: await settle(loadScript(`${origin}/missing.js`)),
              blocked: await settle(
                loadScript("https://cdn.example.com/sdk.js"),
              ),
              timeout: await settle(
                loadScript(`${origin}/slow.js`, { timeout: 100 }),
              ),
              integrity: await settle(
                loadScript(`${origin}/counted.js?sri`, {
                  integrity: "sha256-AAAA",
                }),
              ),
              leftover:
                document.querySelectorAll(`script[src^="${origin}/slow.js"]`)
                  .length,
            };
          }, origin);
          await context.close();
          assert.deepEqual(outcome, {
            sameElement: true,
            runs: 1,
            elements: 1,
            missing:
              `NetworkError: Cannot load script ${origin}/missing.js: the request failed or was refused`,
            blocked:
              "NetworkError: Cannot load script https://cdn.example.com/sdk.js: the request failed or was refused",
            timeout:
              `TimeoutError: Cannot load script ${origin}/slow.js: it did not load within 100 ms`,
            integrity:
              `NetworkError: Cannot load script ${origin}/counted.js?sri: the request failed or was refused`,
            leftover: 0,
          });
        },
      );

      await t.step(
        "two destinations on one page each get their calls",
        async () => {
          const { report } = await runOnNewPage([
            hubbleTrack('type = "track"'),
            remotePlugin("userpilot-web", "iife", {
              token: "tok-2",
              subscriptions: [
                subscribed("identifyUser", 'type = "identify"'),
                subscribed("trackEvent", 'type = "track"'),
                subscribed("pageView", 'type = "page"'),
              ],
            }),
          ], [["identify", "u2", { name: "Ada" }], ["track", "Clicked", {
            button: "buy",
          }], ["page", "Docs", "Intro"]]);
          assert.deepEqual(report.errors, []);
          assert.deepEqual(report.sdkLoads.toSorted(), ["hubble", "userpilot"]);
          const seen = report.calls.map((c) =>
            `${c.sdk}.${c.method}(${JSON.stringify(c.args[0])})`
          ).toSorted();
          assert.deepEqual(seen, [
            'hubble.identify("u2")',
            'hubble.track("Clicked")',
            'userpilot.identify("u2")',
            'userpilot.reload("Intro")',
            'userpilot.track("Clicked")',
          ]);
          assert.ok(
            report.calls.every((c) =>
              c.sdk !== "userpilot" || c.token === "tok-2"
            ),
          );
        },
      );
    } finally {
      await browser.close();
      await server.shutdown();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
