// Segment's batch response classes on destkit's: error items get an `errortype` from their
// status, and `pushResponseObject`/`pushResponseObjectAtIndex` exist as in Segment.
import {
  ActionDestinationErrorResponse as NativeErrorResponse,
  ActionDestinationSuccessResponse as NativeSuccessResponse,
  MultiStatusResponse as NativeMultiStatusResponse,
} from "../destination/mod.ts";
import { getErrorCodeFromHttpStatus } from "./_error_codes.ts";

/** A successful batch item; serialises as Segment's does (`{ data }`). */
export class ActionDestinationSuccessResponse extends NativeSuccessResponse {
  /** The item as JSON: `{ data }`, as Segment's class serialises. */
  toJSON(): { data: unknown } {
    return { data: this.value() };
  }
}

/** What a successful batch item reports. */
export interface ActionDestinationSuccessResponseType {
  status: number;
  sent: unknown;
  body: unknown;
}

/** What a failed batch item reports; `errortype` defaults to the status's code. */
export interface ActionDestinationErrorResponseType {
  status: number;
  errortype?: string;
  errormessage: string;
  sent?: unknown;
  body?: unknown;
}

/** A failed batch item; without `errortype`, it is set from the status (`429` gives `TOO_MANY_REQUESTS`). */
export class ActionDestinationErrorResponse extends NativeErrorResponse {
  constructor(data: ActionDestinationErrorResponseType) {
    if (!data.errortype) {
      data.errortype = getErrorCodeFromHttpStatus(data.status);
    }
    super(data);
  }

  /** The item as JSON: `{ data }`, as Segment's class serialises. */
  toJSON(): { data: unknown } {
    return { data: this.value() };
  }
}

type Item = NativeSuccessResponse | NativeErrorResponse;

function toSuccess(
  response: ActionDestinationSuccessResponseType | NativeSuccessResponse,
): NativeSuccessResponse {
  return response instanceof NativeSuccessResponse
    ? response
    : new ActionDestinationSuccessResponse(response);
}

function toError(
  response: ActionDestinationErrorResponseType | NativeErrorResponse,
): NativeErrorResponse {
  return response instanceof NativeErrorResponse
    ? response
    : new ActionDestinationErrorResponse(response);
}

/**
 * The per-item results a `performBatch` returns, in payload order.
 *
 * @example
 * ```ts
 * import { MultiStatusResponse } from "./actions_core.ts";
 * import assert from "node:assert/strict";
 *
 * const response = new MultiStatusResponse();
 * response.pushSuccessResponse({ status: 200, sent: {}, body: "ok" });
 * response.pushErrorResponse({ status: 429, errormessage: "Slow down" });
 * const item = response.getResponseAtIndex(1)?.value() as { errortype?: string };
 * assert.equal(item.errortype, "TOO_MANY_REQUESTS");
 * ```
 */
export class MultiStatusResponse extends NativeMultiStatusResponse {
  /** Appends an item made elsewhere. */
  pushResponseObject(response: Item): void {
    if (response instanceof NativeErrorResponse) {
      super.pushErrorResponse(response);
    } else super.pushSuccessResponse(toSuccess(response));
  }

  /** Sets the item at `index`. */
  pushResponseObjectAtIndex(index: number, response: Item): void {
    if (response instanceof NativeErrorResponse) {
      super.setErrorResponseAtIndex(index, response);
    } else super.setSuccessResponseAtIndex(index, response);
  }

  override pushSuccessResponse(
    response: ActionDestinationSuccessResponseType | NativeSuccessResponse,
  ): void {
    super.pushSuccessResponse(toSuccess(response));
  }

  override setSuccessResponseAtIndex(
    index: number,
    response: ActionDestinationSuccessResponseType | NativeSuccessResponse,
  ): void {
    super.setSuccessResponseAtIndex(index, toSuccess(response));
  }

  /** The items as JSON, as Segment's class serialises (`{ responses }`). */
  toJSON(): { responses: unknown[] } {
    return { responses: this.getAllResponses() };
  }

  override pushErrorResponse(
    response: ActionDestinationErrorResponseType | NativeErrorResponse,
  ): void {
    super.pushErrorResponse(toError(response));
  }

  override setErrorResponseAtIndex(
    index: number,
    response: ActionDestinationErrorResponseType | NativeErrorResponse,
  ): void {
    super.setErrorResponseAtIndex(index, toError(response));
  }
}
