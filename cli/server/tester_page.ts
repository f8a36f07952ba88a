const PAGE = Deno.readTextFileSync(
  new URL("./tester_page.html", import.meta.url),
);

/**
 * The tester page `deno task serve` shows at `/`, one self-contained HTML file
 * (no build step, nothing from a CDN) carrying this launch's token, which its
 * API calls send back in `x-destkit-token`.
 */
export function testerPage(token: string): string {
  return PAGE.replace("__DESTKIT_TOKEN__", token);
}
