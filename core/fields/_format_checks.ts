// The check of each string format, by name. `deno task bundle` swaps this file for one
// listing only the formats a destination's fields declare (browser/bundle/_field_kinds_plugin.ts).
import {
  isAnyText,
  isDate,
  isDateTime,
  isEmail,
  isHostname,
  isIPv4,
  isIPv6,
  isRegex,
  isTime,
  isURI,
  isURIReference,
  isURITemplate,
  isUUID,
} from "./_formats.ts";
import type { FieldFormat } from "./input_field.ts";

const checks: Record<FieldFormat, (text: string) => boolean> = {
  date: isDate,
  "date-time": isDateTime,
  email: isEmail,
  hostname: isHostname,
  ipv4: isIPv4,
  ipv6: isIPv6,
  password: isAnyText,
  regex: isRegex,
  text: isAnyText,
  time: (text) => isTime(text),
  uri: isURI,
  "uri-reference": isURIReference,
  "uri-template": isURITemplate,
  uuid: isUUID,
};
/** The check of a format, or undefined when the format is unknown. */
export function getFormatCheck(
  format: string,
): ((text: string) => boolean) | undefined {
  return Object.hasOwn(checks, format)
    ? checks[format as FieldFormat]
    : undefined;
}

/** The formats a `string` field may declare. */
export const FORMATS: readonly FieldFormat[] = /* @__PURE__ */ Object.keys(
  checks,
) as FieldFormat[];
