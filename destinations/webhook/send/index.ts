import { defineAction, PayloadValidationError } from "@destkit/core";
import type { Settings } from "../index.ts";

export default defineAction<Settings>()({
  title: "Send",
  description: "Send an HTTP request.",
  fields: {
    url: {
      label: "URL",
      description: "URL to deliver data to.",
      type: "string",
      required: true,
      format: "uri",
    },
    method: {
      label: "Method",
      description: "HTTP method to use.",
      type: "string",
      choices: [
        { label: "POST", value: "POST" },
        { label: "PUT", value: "PUT" },
        { label: "PATCH", value: "PATCH" },
      ],
      default: "POST",
      required: true,
    },
    batch_size: {
      label: "Batch Size",
      description:
        "Maximum number of events to include in each batch. Actual batch sizes may be lower.",
      type: "number",
      required: false,
      default: 0,
    },
    headers: {
      label: "Headers",
      description:
        "HTTP headers to send with each request. Only ASCII characters are supported.",
      type: "object",
      defaultObjectUI: "keyvalue:only",
    },
    data: {
      label: "Data",
      description: "Payload to deliver to webhook URL (JSON-encoded).",
      type: "object",
      default: { "@path": "$." },
    },
    batch_keys: {
      label: "Batch Keys",
      description: "The mapping keys to batch events together by.",
      type: "string",
      multiple: true,
      required: false,
      unsafe_hidden: true,
      default: ["url", "method", "headers"],
    },
  },
  perform: (request, { payload }) =>
    request(payload.url, {
      method: payload.method,
      headers: asHeaders(payload.headers),
      json: payload.data,
    }),
  performBatch: (request, { payload }) => {
    // The batch keys (url, method, headers) are the same across a batch: the first item has them.
    const { url, method, headers } = payload[0];
    return request(url, {
      method,
      headers: asHeaders(headers),
      json: payload.map(({ data }) => data),
    });
  },
});

/**
 * Returns the mapped headers as strings.
 *
 * @throws {PayloadValidationError} when a header name or value is not a legal HTTP header.
 */
function asHeaders(
  headers: { [key: string]: unknown } | undefined,
): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    const text = String(value);
    try {
      new Headers([[name, text]]);
    } catch {
      throw new PayloadValidationError(
        [{
          path: `headers.${name}`,
          message: `"${text}" is not a legal HTTP header value`,
        }],
      );
    }
    result[name] = text;
  }
  return result;
}
