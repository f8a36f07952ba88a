import { NetworkError, TimeoutError } from "../core/errors.ts";
import type { LoadScriptOptions } from "../core/destination/device_types.ts";

const loading = new Map<string, Promise<HTMLScriptElement>>();

/**
 * Adds a `<script>` for `src` to the page once per URL and resolves when it
 * has run; later calls with the same URL share the first load. A failed or
 * timed-out load removes its element, so a later call tries again.
 *
 * @throws {NetworkError} When the script cannot be fetched or is refused (integrity, CSP).
 * @throws {TimeoutError} When it has not loaded within `timeout`.
 * @example
 * ```ts ignore
 * import { loadScript } from "@destkit/browser";
 *
 * await loadScript("https://cdn.hubble.team/sdk/hubble.js", { timeout: 5000 });
 * ```
 */
export function loadScript(
  src: string,
  options: LoadScriptOptions = {},
): Promise<HTMLScriptElement> {
  const url = new URL(src, document.baseURI).href;
  const pending = loading.get(url);
  if (pending !== undefined) return pending;
  const promise = appendScript(url, options);
  loading.set(url, promise);
  promise.catch(() => loading.delete(url));
  return promise;
}

function appendScript(
  url: string,
  options: LoadScriptOptions,
): Promise<HTMLScriptElement> {
  const { integrity, timeout = 10_000, attributes = {} } = options;
  const script = document.createElement("script");
  for (const [name, value] of Object.entries(attributes)) {
    script.setAttribute(name, value);
  }
  if (integrity !== undefined) {
    script.integrity = integrity;
    script.crossOrigin = "anonymous";
  }
  script.async = true;
  script.src = url;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      fail(
        new TimeoutError(
          `Cannot load script ${url}: it did not load within ${timeout} ms`,
        ),
      );
    }, timeout);
    function fail(error: Error): void {
      clearTimeout(timer);
      script.remove();
      reject(error);
    }
    script.addEventListener("load", () => {
      clearTimeout(timer);
      resolve(script);
    });
    script.addEventListener("error", () => {
      fail(
        new NetworkError(
          `Cannot load script ${url}: the request failed or was refused`,
        ),
      );
    });
    (document.head ?? document.documentElement).appendChild(script);
  });
}
