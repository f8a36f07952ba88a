// Test helpers for the Chromium tests (the analytics-next test here, the tester page in
// cli/): Debian's chromium driven by playwright-core, with no network of its own.
import { type Browser, chromium } from "playwright-core";

/** Where Debian installs chromium. */
const CHROMIUM = "/usr/bin/chromium";

// Outside CI a machine without chromium skips the Chromium tests (CI installs it and must run them).
const SKIPPED = !isFile(CHROMIUM) && Deno.env.get("CI") === undefined;

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/**
 * The options of a `Deno.test` that drives Chromium: `name`, ignored (saying how to run it)
 * where chromium is missing outside CI, and without the sanitizers the browser trips.
 */
export function chromiumTestOptions(name: string): {
  name: string;
  ignore: boolean;
  sanitizeOps: false;
  sanitizeResources: false;
} {
  return {
    name: SKIPPED
      ? `${name} (ignored: ${CHROMIUM} is missing; apt-get install -y chromium runs it)`
      : name,
    ignore: SKIPPED,
    sanitizeOps: false,
    sanitizeResources: false,
  };
}

/** Launches headless chromium without sandbox, GPU, updates, sync or background traffic. */
export async function launchChromium(timeout: number): Promise<Browser> {
  return await chromium.launch({
    executablePath: CHROMIUM,
    timeout,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
