import { isCalendarDay } from "../formats.ts";
import {
  type FieldKind,
  type FieldKindCheck,
  withKindMeta,
} from "./field_kind.ts";
import { typeMessage } from "./_messages.ts";

// ISO 8601 and the forms dayjs parses: 2024-01-02, 2024/1/2, 2024-01-02T03:04[:05[.678]][Z|+01:00].
const CALENDAR =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// RFC 2822 and HTTP dates: "Tue, 2 Jan 2024 03:04:05 GMT".
const RFC_2822 =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun),\s*)?(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (?:gmt|ut|utc|z|[+-]\d{4})$/i;
// Each month at three times its index (no name occurs earlier across a boundary).
const MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

function isClock(hour = "0", minute = "0", second = "0"): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

// The form events carry ("2024-01-02T03:04:05.678Z") with its clock in range: CALENDAR matches it
// and decides by the day alone; tested without capturing.
const INSTANT =
  /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/** Whether a datetime string names a real instant: a calendar date, or a Unix timestamp. */
function isRealDate(text: string): boolean {
  if (INSTANT.test(text)) {
    return isCalendarDay(
      +text.slice(0, 4),
      +text.slice(5, 7),
      +text.slice(8, 10),
    );
  }
  // Segment's date-like reads a numeric string as a Unix timestamp.
  const number = Number(text);
  if (text !== "" && String(number) === text) return Number.isFinite(number);
  const iso = CALENDAR.exec(text);
  if (iso !== null) {
    return isCalendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) &&
      isClock(iso[4], iso[5], iso[6]);
  }
  const rfc = RFC_2822.exec(text);
  if (rfc === null) return false;
  const month = MONTHS.indexOf(rfc[2].toLowerCase()) / 3 + 1;
  return isCalendarDay(Number(rfc[3]), month, Number(rfc[1])) &&
    isClock(rfc[4], rfc[5], rfc[6]);
}

/** The check of a `datetime` field (see {@linkcode datetimeKind}). */
export const datetimeCheck: FieldKindCheck = {
  type: "datetime",
  jsonTypes: ["string", "number"],
  check(_field, { dialect }, item) {
    // A dialect's date check does not apply to the items of a multiple field.
    const isDate = dialect === undefined ? isRealDate : !item && dialect.isDate;
    return (value, messages) => {
      const isNumber = typeof value === "number" && Number.isFinite(value);
      if (!isNumber && typeof value !== "string") {
        messages.push(typeMessage("a date string or a number", value));
        return true;
      }
      if (!isNumber && isDate && !isDate(value as string)) {
        messages.push(`must be a real date, received ${JSON.stringify(value)}`);
      }
      return false;
    };
  },
};

/** A `datetime` field: a date string (ISO 8601, RFC 2822 or a Unix timestamp) or a number. */
export const datetimeKind: FieldKind = /* @__PURE__ */ withKindMeta(
  datetimeCheck,
  {
    // Segment ignores a `format` on datetime fields ("date-time" is common in
    // ported definitions); a datetime must be a real date whatever it says.
    constraints: ["format"],
    jsonSchema: () => ({ type: ["string", "number"], format: "date-like" }),
    fixture: () => ({
      type: "datetime",
      jsonTypes: ["string", "number"],
      format: "date-time",
    }),
  },
);
