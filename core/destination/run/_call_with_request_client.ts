// One call of a definition's own function (testAuthentication, onDelete) with a request client.
import type { RequestClient } from "../../request/mod.ts";
import type { RecordedRequest, ResultError } from "../result.ts";
import { requestClientFor, type RunContext } from "./_context.ts";
import { outputOf, toResultError } from "./_outcome.ts";

/** What a call gave: its output or its error, and the requests it sent when the context records. */
export type RecordedCall =
  & ({ ok: true; output: unknown } | { ok: false; error: ResultError })
  & { requests?: RecordedRequest[] };

/** Calls `call` with the request client for `payload`; never rejects, `extendRequest` errors included. */
export async function callWithRequestClient(
  context: RunContext,
  payload: unknown,
  call: (request: RequestClient) => unknown,
): Promise<RecordedCall> {
  const requests: RecordedRequest[] | undefined = context.record
    ? []
    : undefined;
  let outcome: RecordedCall;
  try {
    const request = requestClientFor(context, payload, requests);
    outcome = { ok: true, output: outputOf(await call(request)) };
  } catch (error) {
    outcome = { ok: false, error: toResultError(error) };
  }
  if (requests !== undefined) outcome.requests = requests;
  return outcome;
}
