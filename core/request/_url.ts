import type { SearchParams } from "./request_options.ts";

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Returns the URL to send: `url` appended to `prefixUrl` when it is relative (one `/`
 * between them), its query replaced by `searchParams` when given.
 */
export function buildURL(
  url: string | URL,
  prefixUrl: string | URL | undefined,
  searchParams: SearchParams | undefined,
): string {
  let href = typeof url === "string" ? url : url.href;
  if (
    prefixUrl !== undefined && typeof url === "string" && !ABSOLUTE.test(url)
  ) {
    const prefix = String(prefixUrl);
    const head = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
    href = url === ""
      ? prefix
      : `${head}/${url.startsWith("/") ? url.slice(1) : url}`;
  }
  if (searchParams === undefined) return href;
  const query = typeof searchParams === "string"
    ? new URLSearchParams(searchParams).toString()
    : searchParams instanceof URLSearchParams
    ? searchParams.toString()
    : recordToQuery(searchParams);
  const hash = href.indexOf("#");
  const end = hash < 0 ? href.length : hash;
  const question = href.indexOf("?");
  const base = question >= 0 && question < end
    ? href.slice(0, question)
    : href.slice(0, end);
  return (query === "" ? base : `${base}?${query}`) + href.slice(end);
}

function recordToQuery(
  record: Record<string, string | number | boolean | undefined>,
): string {
  const params = new URLSearchParams();
  for (const name in record) {
    const value = record[name];
    if (value !== undefined) params.append(name, String(value));
  }
  return params.toString();
}
