/**
 * String format checks, one function per format name, following RFC 3339 /
 * 3986 and JSON Schema's definitions (the same decisions as ajv-formats'
 * "full" mode for ordinary values). A validator gets the ones it needs
 * through `compileFieldChecks`'s `formats` option, so a bundle carries only
 * those.
 *
 * @module
 */

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME =
  /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|([+-])(\d{2})(?::?(\d{2}))?)?$/i;
// Composed patterns are built in pure calls: a bundle without their format
// leaves them out (esbuild keeps a bare `new RegExp` of a template it cannot fold).
const HEX = "[0-9a-f]";
const URI_CHAR = "(?:[a-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})";
// `(?:${URI_CHAR}|[[\]])*`, then `#` and `${URI_CHAR}*`, written as runs of plain characters
// between escapes, which the engine scans without backtracking.
const URI =
  /^[a-z][a-z0-9+\-.]*:[a-z0-9\-._~!$&'()*+,;=:@/?[\]]*(?:%[0-9a-f]{2}[a-z0-9\-._~!$&'()*+,;=:@/?[\]]*)*(?:#[a-z0-9\-._~!$&'()*+,;=:@/?]*(?:%[0-9a-f]{2}[a-z0-9\-._~!$&'()*+,;=:@/?]*)*)?$/i;
const URI_REFERENCE = /* @__PURE__ */ (() =>
  new RegExp(
    `^(?:[a-z][a-z0-9+\\-.]*:)?${URI_CHAR}*(?:#${URI_CHAR}*)?$`,
    "i",
  ))();
// RFC 6570: literals (no controls, space or "'<>\^`{|}, `%` only as an escape) and expressions.
const VARSPEC = "(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9]\\d{0,3}|\\*)?";
const TEMPLATE_LITERAL = "[^\\x00-\\x20\"'<>%\\\\^`{|}]|%[0-9a-f]{2}";
const URI_TEMPLATE = /* @__PURE__ */ (() =>
  new RegExp(
    `^(?:${TEMPLATE_LITERAL}|\\{[+#./;?&=,!@|]?${VARSPEC}(?:,${VARSPEC})*\\})*$`,
    "i",
  ))();
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOSTNAME = /* @__PURE__ */ (() =>
  new RegExp(
    `^(?=.{1,253}\\.?$)${LABEL}(?:\\.${LABEL})*\\.?$`,
    "i",
  ))();
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 =
  /* @__PURE__ */ (() => new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`))();
const UUID = /* @__PURE__ */ (() =>
  new RegExp(
    `^(?:urn:uuid:)?${HEX}{8}-(?:${HEX}{4}-){3}${HEX}{12}$`,
    "i",
  ))();
const HEXTET = /^[0-9a-f]{1,4}$/i;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Whether a year, month (1-12) and day form a real calendar day. */
export function isCalendarDay(
  year: number,
  month: number,
  day: number,
): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]);
}

/** Whether `text` is an RFC 3339 full-date with a real day. */
export function isDate(text: string): boolean {
  const match = DATE.exec(text);
  return match !== null &&
    isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whether `text` is an RFC 3339 time. */
export function isTime(text: string): boolean {
  return matchesTime(text, false);
}

// An RFC 3339 time; `zone` requires an offset or `Z`.
function matchesTime(text: string, zone: boolean): boolean {
  const match = TIME.exec(text);
  if (match === null) return false;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3]);
  if (zone && match[5] === undefined) return false;
  const offsetHour = Number(match[7] ?? 0);
  const offsetMinute = Number(match[8] ?? 0);
  if (offsetHour > 23 || offsetMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  // A leap second is 23:59:60 in UTC.
  const sign = match[6] === "-" ? -1 : 1;
  const utcMinute = minute - sign * offsetMinute;
  const utcHour = hour - sign * offsetHour - (utcMinute < 0 ? 1 : 0);
  return second === 60 && (utcHour === 23 || utcHour === -1) &&
    (utcMinute === 59 || utcMinute === -1);
}

/** Whether `text` passes the format check. */
export function isDateTime(text: string): boolean {
  const parts = text.split(/t|\s/i);
  return parts.length === 2 && isDate(parts[0]) && matchesTime(parts[1], true);
}

/** Whether `text` passes the format check. */
export function isIPv6(text: string): boolean {
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => half === "" ? [] : half.split(":"));
  const endsInGroup = halves.length === 1 || halves[1] !== "";
  let count = groups.length;
  for (let index = 0; index < groups.length; index++) {
    if (HEXTET.test(groups[index])) continue;
    // An IPv4 address may end the text, standing for two groups.
    if (
      index !== groups.length - 1 || !endsInGroup || !IPV4.test(groups[index])
    ) return false;
    count++;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Whether `text` passes the format check. */
export function isRegex(text: string): boolean {
  if (/[^\\]\\Z/.test(text)) return false;
  try {
    new RegExp(text, "u");
    return true;
  } catch {
    return false;
  }
}

/** Whether `text` passes the format check. */
export function isURI(text: string): boolean {
  // The scheme's colon makes AJV's second test (a "/" or a ":") always pass.
  return URI.test(text);
}

/** Whether `text` is an email address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Whether `text` is a hostname. */
export function isHostname(text: string): boolean {
  return HOSTNAME.test(text);
}

/** Whether `text` is an IPv4 address. */
export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}

/** Whether `text` is a URI reference. */
export function isURIReference(text: string): boolean {
  return URI_REFERENCE.test(text);
}

/** Whether `text` is a URI template. */
export function isURITemplate(text: string): boolean {
  return URI_TEMPLATE.test(text);
}

/** Whether `text` is a UUID. */
export function isUUID(text: string): boolean {
  return UUID.test(text);
}

/** Accepts any text (the `text` and `password` formats). */
export function isAnyText(): boolean {
  return true;
}
