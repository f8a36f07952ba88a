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
} from "./formats.ts";
import type { FieldFormat } from "./input_field.ts";

/** The check of every string format a field may declare, by format name. */
export const FORMAT_CHECKS: Readonly<
  Record<FieldFormat, (text: string) => boolean>
> = {
  date: isDate,
  "date-time": isDateTime,
  email: isEmail,
  hostname: isHostname,
  ipv4: isIPv4,
  ipv6: isIPv6,
  password: isAnyText,
  regex: isRegex,
  text: isAnyText,
  time: isTime,
  uri: isURI,
  "uri-reference": isURIReference,
  "uri-template": isURITemplate,
  uuid: isUUID,
};
