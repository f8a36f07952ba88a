// Redaction of credentials from what errors show. Runs on failure paths only.

const REDACTED = "[redacted]";
const SENSITIVE_NAME =
  /(key|token|secret|password|passwd|pwd|signature|auth|authorization|credentials?|cookie)$/i;

/** Lists the values to hide: `secrets`, the Basic password and the Authorization credential. */
export function collectSecrets(
  secrets: readonly string[] | undefined,
  password: string | undefined,
  authorization: string | undefined,
): string[] {
  const list: string[] = secrets === undefined
    ? []
    : secrets.filter((s) => s !== "");
  if (password) list.push(password);
  if (authorization) {
    list.push(authorization);
    const space = authorization.indexOf(" ");
    if (space > 0 && space < authorization.length - 1) {
      list.push(authorization.slice(space + 1));
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  return list.sort((a, b) => b.length - a.length);
}

/** Replaces every secret in `text`, raw or percent-encoded. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    result = result.replaceAll(secret, REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) result = result.replaceAll(encoded, REDACTED);
  }
  return result;
}

/** Returns `url` without userinfo, with sensitive query values and secrets replaced. */
export function redactUrl(url: string, secrets: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url, secrets);
  }
  parsed.username = "";
  parsed.password = "";
  let text = parsed.href;
  if (parsed.search.length > 1) {
    const query = parsed.search.slice(1).split("&").map((part) => {
      const equals = part.indexOf("=");
      if (equals < 0) return part;
      const name = safeDecode(part.slice(0, equals));
      return SENSITIVE_NAME.test(name)
        ? `${part.slice(0, equals)}=${REDACTED}`
        : part;
    }).join("&");
    text = text.slice(0, text.indexOf("?") + 1) + query + parsed.hash;
  }
  return redactText(text, secrets);
}

/** Returns a copy of `headers` with credentials replaced. */
export function redactHeaders(
  headers: Record<string, string>,
  secrets: readonly string[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in headers) {
    result[name] = SENSITIVE_NAME.test(name)
      ? REDACTED
      : redactText(headers[name], secrets);
  }
  return result;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
