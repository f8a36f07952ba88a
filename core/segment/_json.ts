// The JSON types Segment's definitions and events are written with.

/** A JSON scalar. */
export type JSONPrimitive = string | number | boolean | null;
/** Any JSON value. */
export type JSONValue = JSONPrimitive | JSONObject | JSONArray;
/** A JSON object. */
export type JSONObject = { [member: string]: JSONValue };
/** A JSON array. */
export type JSONArray = Array<JSONValue>;
/** A value that serialises to JSON (dates and `undefined` allowed). */
export type JSONLike =
  | JSONPrimitive
  | JSONLikeObject
  | Array<JSONLike>
  | Date
  | undefined;
/** An object whose values serialise to JSON. */
export type JSONLikeObject = {
  [member: string]: JSONLike;
  [member: number]: JSONLike;
};

/** An id in an event: a string, or null/undefined when absent. */
export type ID = string | null | undefined;

/** A Segment event as actions receive it. */
export interface SegmentEvent {
  messageId?: string;
  type: "track" | "page" | "identify" | "group" | "alias" | "screen" | "delete";
  category?: string;
  name?: string;
  properties?: object & { [k: string]: JSONValue };
  traits?: object & { [k: string]: JSONValue };
  integrations?: { All?: boolean; [integration: string]: boolean | undefined };
  // deno-lint-ignore no-explicit-any
  context?: { [key: string]: any };
  // deno-lint-ignore no-explicit-any
  options?: { [key: string]: any };
  userId?: ID;
  anonymousId?: ID;
  groupId?: ID;
  previousId?: ID;
  event?: string;
  writeKey?: string;
  receivedAt?: Date | string;
  sentAt?: Date | string;
  _metadata?: {
    bundled: string[];
    unbundled: string[];
    bundledIds?: string[];
  };
  timestamp?: Date | string;
}

/** Feature flags by name; destkit sets none. */
export type Features = { [key: string]: boolean };
