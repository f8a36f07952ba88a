// The definition's testAuthentication, run once with the call's settings and tokens.
import type { AuthenticationResult } from "../result.ts";
import { callWithRequestClient } from "../run/_call_with_request_client.ts";
import type { RunContext } from "../run/_context.ts";

/** Runs the definition's `testAuthentication` (which must be defined) with `context`; never rejects. */
export async function runTestAuthentication(
  context: RunContext,
): Promise<AuthenticationResult> {
  const test = context.destination.testAuthentication!;
  const call = await callWithRequestClient(
    context,
    undefined,
    (request) =>
      test(request, { settings: context.settings, auth: context.auth }),
  );
  let result: AuthenticationResult;
  if (call.ok) {
    const { output } = call;
    result = output === undefined ? { ok: true } : { ok: true, output };
  } else {
    const failure = call.error;
    if (!failure.retryable) {
      failure.message = `Credentials are invalid: ${failure.message}`;
    }
    result = { ok: false, error: failure };
  }
  if (call.requests !== undefined) result.requests = call.requests;
  return result;
}
