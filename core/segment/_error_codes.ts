// Segment's error code tables: every HTTP status name, its own codes, and their union.

/** Builds a `{ NAME: "NAME" }` table that keeps the order of `names`. */
function codeTable<const N extends string>(names: readonly N[]): {
  readonly [K in N]: K;
} {
  const table: Record<string, string> = {};
  for (const name of names) table[name] = name;
  return Object.freeze(table) as { readonly [K in N]: K };
}

/** The HTTP status names Segment uses as error codes (`MOVED_PERMENANTLY` spelt as there). */
export const HttpErrorCodes = codeTable([
  "CONTINUE",
  "SWITCHING_PROTOCOLS",
  "PROCESSING",
  "EARLY_HINTS",
  "OK",
  "CREATED",
  "ACCEPTED",
  "NON_AUTHORITATIVE_INFORMATION",
  "NO_CONTENT",
  "RESET_CONTENT",
  "PARTIAL_CONTENT",
  "MULTI_STATUS",
  "ALREADY_REPORTED",
  "IM_USED",
  "MULTIPLE_CHOICES",
  "MOVED_PERMENANTLY",
  "FOUND",
  "SEE_OTHER",
  "NOT_MODIFIED",
  "USE_PROXY",
  "SWITCH_PROXY",
  "TEMPORARY_REDIRECT",
  "PERMANENT_REDIRECT",
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "PAYMENT_REQUIRED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "NOT_ACCEPTABLE",
  "PROXY_AUTHENTICATION_REQUIRED",
  "REQUEST_TIMEOUT",
  "CONFLICT",
  "GONE",
  "LENGTH_REQUIRED",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "URI_TOO_LONG",
  "UNSUPPORTED_MEDIA_TYPE",
  "RANGE_NOT_SATISFIABLE",
  "EXPECTATION_FAILED",
  "IM_A_TEAPOT",
  "MISDIRECTED_REQUEST",
  "UNPROCESSABLE_ENTITY",
  "LOCKED",
  "FAILED_DEPENDENCY",
  "TOO_EARLY",
  "UPGRADE_REQUIRED",
  "PRECONDITION_REQUIRED",
  "TOO_MANY_REQUESTS",
  "REQUEST_HEADER_FIELDS_TOO_LARGE",
  "UNAVAILABLE_FOR_LEGAL_REASONS",
  "INTERNAL_SERVER_ERROR",
  "NOT_IMPLEMENTED",
  "BAD_GATEWAY",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
  "HTTP_VERSION_NOT_SUPPORTED",
  "VARIANT_ALSO_NEGOTIATES",
  "INSUFFICIENT_STORAGE",
  "LOOP_DETECTED",
  "BANDWIDTH_LIMIT_EXCEEDED",
  "NOT_EXTENDED",
  "NETWORK_AUTHENTICATION_REQUIRED",
  "SITE_IS_OVERLOADED",
  "CANCELLED",
]);
/** One of {@linkcode HttpErrorCodes}. */
export type HttpErrorCodes =
  (typeof HttpErrorCodes)[keyof typeof HttpErrorCodes];

/** The codes Segment's runtime and destinations use beside the HTTP ones. */
export const CustomErrorCodes = codeTable([
  "INVALID_AUTHENTICATION",
  "PAYLOAD_VALIDATION_FAILED",
  "INVALID_CURRENCY_CODE",
  "RETRYABLE_ERROR",
  "REFRESH_TOKEN_EXPIRED",
  "OAUTH_REFRESH_FAILED",
  "SELF_TIMEOUT",
  "CREATE_AUDIENCE_FAILED",
  "GET_AUDIENCE_FAILED",
  "RETL_ON_MAPPING_SAVE_FAILED",
  "INVALID_AUDIENCE_MEMBERSHIP",
  "UNKNOWN_ERROR",
]);
/** One of {@linkcode CustomErrorCodes}. */
export type CustomErrorCodes =
  (typeof CustomErrorCodes)[keyof typeof CustomErrorCodes];

/** Segment's `ErrorCodes`: the HTTP codes, then the custom ones. */
export const ErrorCodes = Object.freeze({
  ...HttpErrorCodes,
  ...CustomErrorCodes,
});
/** One of {@linkcode ErrorCodes}. */
export type ErrorCodes = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Who reported an item of a multi-status result. */
export const MultiStatusErrorReporter = codeTable([
  "INTEGRATIONS",
  "DESTINATION",
]);
/** One of {@linkcode MultiStatusErrorReporter}. */
export type MultiStatusErrorReporter =
  (typeof MultiStatusErrorReporter)[keyof typeof MultiStatusErrorReporter];

const STATUS_CODES: ReadonlyMap<number, HttpErrorCodes> = new Map<
  number,
  HttpErrorCodes
>([
  [100, "CONTINUE"],
  [101, "SWITCHING_PROTOCOLS"],
  [102, "PROCESSING"],
  [103, "EARLY_HINTS"],
  [200, "OK"],
  [201, "CREATED"],
  [202, "ACCEPTED"],
  [203, "NON_AUTHORITATIVE_INFORMATION"],
  [204, "NO_CONTENT"],
  [205, "RESET_CONTENT"],
  [206, "PARTIAL_CONTENT"],
  [207, "MULTI_STATUS"],
  [208, "ALREADY_REPORTED"],
  [226, "IM_USED"],
  [300, "MULTIPLE_CHOICES"],
  [301, "MOVED_PERMENANTLY"],
  [302, "FOUND"],
  [303, "SEE_OTHER"],
  [304, "NOT_MODIFIED"],
  [305, "USE_PROXY"],
  [306, "SWITCH_PROXY"],
  [307, "TEMPORARY_REDIRECT"],
  [308, "PERMANENT_REDIRECT"],
  [400, "BAD_REQUEST"],
  [401, "UNAUTHORIZED"],
  [402, "PAYMENT_REQUIRED"],
  [403, "FORBIDDEN"],
  [404, "NOT_FOUND"],
  [405, "METHOD_NOT_ALLOWED"],
  [406, "NOT_ACCEPTABLE"],
  [407, "PROXY_AUTHENTICATION_REQUIRED"],
  [408, "REQUEST_TIMEOUT"],
  [409, "CONFLICT"],
  [410, "GONE"],
  [411, "LENGTH_REQUIRED"],
  [412, "PRECONDITION_FAILED"],
  [413, "PAYLOAD_TOO_LARGE"],
  [414, "URI_TOO_LONG"],
  [415, "UNSUPPORTED_MEDIA_TYPE"],
  [416, "RANGE_NOT_SATISFIABLE"],
  [417, "EXPECTATION_FAILED"],
  [418, "IM_A_TEAPOT"],
  [421, "MISDIRECTED_REQUEST"],
  [422, "UNPROCESSABLE_ENTITY"],
  [423, "LOCKED"],
  [424, "FAILED_DEPENDENCY"],
  [425, "TOO_EARLY"],
  [426, "UPGRADE_REQUIRED"],
  [428, "PRECONDITION_REQUIRED"],
  [429, "TOO_MANY_REQUESTS"],
  [431, "REQUEST_HEADER_FIELDS_TOO_LARGE"],
  [451, "UNAVAILABLE_FOR_LEGAL_REASONS"],
  [499, "CANCELLED"],
  [500, "INTERNAL_SERVER_ERROR"],
  [501, "NOT_IMPLEMENTED"],
  [502, "BAD_GATEWAY"],
  [503, "SERVICE_UNAVAILABLE"],
  [504, "GATEWAY_TIMEOUT"],
  [505, "HTTP_VERSION_NOT_SUPPORTED"],
  [506, "VARIANT_ALSO_NEGOTIATES"],
  [507, "INSUFFICIENT_STORAGE"],
  [508, "LOOP_DETECTED"],
  [509, "BANDWIDTH_LIMIT_EXCEEDED"],
  [510, "NOT_EXTENDED"],
  [511, "NETWORK_AUTHENTICATION_REQUIRED"],
  [529, "SITE_IS_OVERLOADED"],
]);

/**
 * Returns the error code Segment gives an HTTP status (`404` is `NOT_FOUND`), or
 * `UNKNOWN_ERROR` for a status it does not name.
 *
 * @example
 * ```ts
 * import { getErrorCodeFromHttpStatus } from "./actions_core.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(getErrorCodeFromHttpStatus(429), "TOO_MANY_REQUESTS");
 * assert.equal(getErrorCodeFromHttpStatus(299), "UNKNOWN_ERROR");
 * ```
 */
export function getErrorCodeFromHttpStatus(status: number): ErrorCodes {
  return STATUS_CODES.get(Number(status)) ?? ErrorCodes.UNKNOWN_ERROR;
}
