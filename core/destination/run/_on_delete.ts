// The definition's onDelete for one user; with OAuth2, retried once after a 401.
import { requestClientFor, type RunContext } from "./_context.ts";
import type { TokenRefresher } from "../auth/_oauth_refresh.ts";
import { PayloadValidationError } from "../../errors.ts";
import {
  errorResult,
  messageOf,
  outputOf,
  plainResult,
  toResultError,
} from "./_outcome.ts";
import type { EventResult, RecordedRequest } from "../result.ts";
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
  const requests: RecordedRequest[] | undefined = context.record
    ? []
    : undefined;
  let result: EventResult;
  try {
    const request = requestClientFor(context, payload, requests);
    const output = outputOf(
      await remove(request, {
        settings: context.settings,
        payload,
        auth: context.auth,
      }),
    );
    result = plainResult("delivered", undefined, undefined);
    if (output !== undefined) result.output = output;
  } catch (error) {
    result = errorResult(toResultError(error), undefined, undefined);
  }
  if (requests !== undefined) result.requests = requests;
  return result;
}
