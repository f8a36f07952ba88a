// The URL Segment's client puts on the wire. node-fetch 2.7 parses an absolute URL with the
// WHATWG parser and formats it again with Node's legacy `url.parse`, which also
// percent-encodes `{ } | \ ^ ` ' " < >`, spaces and tabs/newlines after the host. destkit
// sends with fetch (WHATWG only), so the drop-in applies the second step itself:
// a user id such as `auth0|123` reaches the partner as `auth0%7C123`, as with Segment.

const LEGACY_ESCAPES: Record<string, string> = {
  "{": "%7B",
  "}": "%7D",
  "|": "%7C",
  "\\": "%5C",
  "^": "%5E",
  "`": "%60",
  "'": "%27",
  '"': "%22",
  "<": "%3C",
  ">": "%3E",
  " ": "%20",
  "\t": "%09",
  "\r": "%0D",
  "\n": "%0A",
};
const LEGACY_PATTERN = /[{}|\\^`'"<> \t\r\n]/g;

/** Returns `url` as node-fetch would send it; a URL that does not parse is returned as is. */
export function segmentWireURL(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const href = parsed.href;
  const start = href.indexOf(parsed.host) + parsed.host.length;
  const rest = href.slice(start).replace(
    LEGACY_PATTERN,
    (char) => LEGACY_ESCAPES[char],
  );
  return href.slice(0, start) + rest;
}
