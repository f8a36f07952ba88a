import * as esbuild from "esbuild";

/**
 * Bundles `@segment/analytics-next`, resolved from `root`, as one browser script that
 * assigns `globalThis.AnalyticsNext.AnalyticsBrowser`: the host of device-mode bundles in the
 * tester's page and in the Chromium tests.
 */
export async function bundleAnalyticsNext(root: string): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: 'export { AnalyticsBrowser } from "@segment/analytics-next";',
      resolveDir: root,
      loader: "js",
    },
    bundle: true,
    format: "iife",
    globalName: "AnalyticsNext",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
