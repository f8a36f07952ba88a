// Redaction of credentials from what errors show. Runs on failure paths only.

export const REDACTED = "[redacted]";
/**
 * Secrets shorter than this are not searched for in free text: a two-letter password
 * would otherwise turn every word holding those letters into the marker. Credential
 * headers are still replaced whole, whatever the length of their value.
 */
export const MIN_SECRET_LENGTH = 4;
const SENSITIVE_NAME =
  /(key|token|secret|password|passwd|pwd|signature|auth|authorization|credentials?|cookie)$/i;

/** Lists the values to hide: `secrets`, the Basic password and the Authorization credential. */
export function collectSecrets(
  secrets: readonly string[] | undefined,
  password: string | undefined,
  authorization: string | undefined,
): string[] {
  const list: string[] = secrets === undefined ? [] : [...secrets];
  if (password) list.push(password);
  if (authorization) {
    list.push(authorization);
    const space = authorization.indexOf(" ");
    if (space > 0 && space < authorization.length - 1) {
      list.push(authorization.slice(space + 1));
    }
  }
  return normalizeSecrets(list);
}

/**
 * Returns the distinct strings of `values` at least {@linkcode MIN_SECRET_LENGTH} long,
 * longest first, so that a secret that contains another is replaced whole.
 */
export function normalizeSecrets(values: readonly unknown[]): string[] {
  const unique = new Set<string>();
  for (const value of values) {
    if (typeof value === "string" && value.length >= MIN_SECRET_LENGTH) {
      unique.add(value);
    }
  }
  return [...unique].sort((a, b) => b.length - a.length);
}

/** Returns whether a header called `name` carries a credential by its name alone. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/** Returns the values of `headers` that carry credentials: sensitive names, or holding a secret. */
export function credentialHeaderNames(
  headers: Record<string, string>,
  secrets: readonly string[],
): string[] {
  const names: string[] = [];
  for (const name in headers) {
    if (
      SENSITIVE_NAME.test(name) ||
      redactText(headers[name], secrets) !== headers[name]
    ) names.push(name);
  }
  return names;
}

/**
 * Replaces every secret in `text`: raw, percent-encoded (as `encodeURIComponent`, as
 * `URLSearchParams`, or as the URL parser leaves it in a path or query) or escaped in JSON.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of formsOf(secret)) {
      result = result.replaceAll(form, REDACTED);
    }
  }
  return result;
}

const FORMS = new Map<string, readonly string[]>();
const MAX_CACHED_FORMS = 256;

/** The ways `secret` can be written in a URL, a form or JSON text, longest first. */
function formsOf(secret: string): readonly string[] {
  let forms = FORMS.get(secret);
  if (forms !== undefined) return forms;
  const found = new Set([secret, encodeURIComponent(secret)]);
  found.add(new URLSearchParams({ s: secret }).toString().slice(2));
  found.add(JSON.stringify(secret).slice(1, -1));
  try {
    found.add(new URL(`http://h/${secret}`).pathname.slice(1));
    found.add(new URL(`http://h/?${secret}`).search.slice(1));
    found.add(new URL(`http://h/#${secret}`).hash.slice(1));
  } catch {
    // A secret that cannot sit in a URL is only looked for in its other forms.
  }
  forms = [...found].filter((form) => form.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (FORMS.size >= MAX_CACHED_FORMS) FORMS.clear();
  FORMS.set(secret, forms);
  return forms;
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
