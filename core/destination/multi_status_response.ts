/** A successful item of a batch: the partner's status, the payload sent and its answer. */
export interface BatchSuccess {
  /** The HTTP-like status of the item. @default {200} */
  status?: number;
  /** The payload sent for the item. */
  sent?: unknown;
  /** What the partner answered for the item. */
  body?: unknown;
}

/** A failed item of a batch, in Segment's field names. */
export interface BatchError {
  /** The HTTP-like status of the item; it decides whether a retry may help. */
  status: number;
  /** Why the item failed. */
  errormessage: string;
  /** A machine-readable code; `PAYLOAD_VALIDATION_FAILED` marks the item invalid. @default {"HTTP_ERROR"} */
  errortype?: string;
  /** The payload sent for the item. */
  sent?: unknown;
  /** What the partner answered for the item. */
  body?: unknown;
}

/** One success of a {@linkcode MultiStatusResponse}. */
export class ActionDestinationSuccessResponse {
  readonly #data: BatchSuccess;
  constructor(data: BatchSuccess) {
    this.#data = data;
  }
  /** Returns the item as given. */
  value(): BatchSuccess {
    return this.#data;
  }
}

/** One error of a {@linkcode MultiStatusResponse}. */
export class ActionDestinationErrorResponse {
  readonly #data: BatchError;
  constructor(data: BatchError) {
    this.#data = data;
  }
  /** Returns the item as given. */
  value(): BatchError {
    return this.#data;
  }
}

/** One item of a {@linkcode MultiStatusResponse}. */
export type BatchItemResponse =
  | ActionDestinationSuccessResponse
  | ActionDestinationErrorResponse;

/**
 * The per-item outcome of a `performBatch`, index `i` answering payload `i`: return
 * one from `performBatch` when the partner accepts some items and rejects others.
 * An index left empty fails its item (status 500).
 *
 * @example
 * ```ts
 * import { MultiStatusResponse } from "@destkit/core";
 * import assert from "node:assert/strict";
 *
 * const response = new MultiStatusResponse();
 * response.setSuccessResponseAtIndex(0, { status: 200, sent: { id: 1 }, body: "ok" });
 * response.setErrorResponseAtIndex(1, { status: 429, errormessage: "Rate limited" });
 * assert.equal(response.length(), 2);
 * assert.equal(response.isErrorResponseAtIndex(1), true);
 * ```
 */
export class MultiStatusResponse {
  readonly #responses: (BatchItemResponse | undefined)[] = [];

  /** Returns how many items were set (the highest index plus one). */
  length(): number {
    return this.#responses.length;
  }

  /** Appends a success. */
  pushSuccessResponse(
    response: BatchSuccess | ActionDestinationSuccessResponse,
  ): void {
    this.#responses.push(toSuccess(response));
  }

  /** Appends an error. */
  pushErrorResponse(
    response: BatchError | ActionDestinationErrorResponse,
  ): void {
    this.#responses.push(toError(response));
  }

  /** Sets the success of item `index`. */
  setSuccessResponseAtIndex(
    index: number,
    response: BatchSuccess | ActionDestinationSuccessResponse,
  ): void {
    this.#responses[checkIndex(index)] = toSuccess(response);
  }

  /** Sets the error of item `index`. */
  setErrorResponseAtIndex(
    index: number,
    response: BatchError | ActionDestinationErrorResponse,
  ): void {
    this.#responses[checkIndex(index)] = toError(response);
  }

  /** Clears item `index`. */
  unsetResponseAtIndex(index: number): void {
    this.#responses[checkIndex(index)] = undefined;
  }

  /** Returns item `index`, or undefined when it was not set. */
  getResponseAtIndex(index: number): BatchItemResponse | undefined {
    return this.#responses[index];
  }

  /** Returns whether item `index` is a success. */
  isSuccessResponseAtIndex(index: number): boolean {
    return this.#responses[index] instanceof ActionDestinationSuccessResponse;
  }

  /** Returns whether item `index` is an error. */
  isErrorResponseAtIndex(index: number): boolean {
    return this.#responses[index] instanceof ActionDestinationErrorResponse;
  }

  /** Returns every item, in order (unset items are undefined). */
  getAllResponses(): (BatchItemResponse | undefined)[] {
    return [...this.#responses];
  }
}

function toSuccess(response: BatchSuccess | ActionDestinationSuccessResponse) {
  return response instanceof ActionDestinationSuccessResponse
    ? response
    : new ActionDestinationSuccessResponse(response);
}

function toError(response: BatchError | ActionDestinationErrorResponse) {
  return response instanceof ActionDestinationErrorResponse
    ? response
    : new ActionDestinationErrorResponse(response);
}

function checkIndex(index: number): number {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(
      `Cannot set a batch response: index ${index} is not a whole number of at least 0`,
    );
  }
  return index;
}
