// The definition's onDelete for one user; with OAuth2, retried once after a 401.
import type { RunContext } from "./_context.ts";
import { callWithRequestClient } from "./_call_with_request_client.ts";
import type { TokenRefresher } from "../auth/_oauth_refresh.ts";
import { PayloadValidationError } from "../../errors.ts";
import {
  errorResult,
  messageOf,
  plainResult,
  toResultError,
} from "./_outcome.ts";
import type { EventResult } from "../result.ts";
import type { SegmentEvent } from "../segment_event.ts";
import type { DeletionPayload } from "../types.ts";

/** Runs the definition's `onDelete` (which must be defined) for the user of `event`; never rejects. */
export async function runDelete(
  refresher: TokenRefresher,
  context: RunContext,
  event: object,
): Promise<EventResult> {
  let payload: DeletionPayload;
  try {
    const { userId, anonymousId } = (event ?? {}) as SegmentEvent;
    payload = { userId, anonymousId };
  } catch (error) {
    return errorResult(
      toResultError(
        new PayloadValidationError(
          `Cannot read the user to delete: ${messageOf(error)}`,
        ),
      ),
      undefined,
      undefined,
    );
  }
  const [result] = await refresher.retryUnauthorized(
    context,
    async (current) => [await deleteOnce(current, payload)],
  );
  return result;
}

async function deleteOnce(
  context: RunContext,
  payload: DeletionPayload,
): Promise<EventResult> {
  const remove = context.destination.onDelete!;
  const call = await callWithRequestClient(
    context,
    payload,
    (request) =>
      remove(request, {
        settings: context.settings,
        payload,
        auth: context.auth,
      }),
  );
  let result: EventResult;
  if (call.ok) {
    result = plainResult("delivered", undefined, undefined);
    if (call.output !== undefined) result.output = call.output;
  } else {
    result = errorResult(call.error, undefined, undefined);
  }
  if (call.requests !== undefined) result.requests = call.requests;
  return result;
}
