// The definition's testAuthentication, run once with the call's settings and tokens.
import { requestClientFor, type RunContext } from "../run/_context.ts";
import { outputOf, toResultError } from "../run/_outcome.ts";
import type { AuthenticationResult, RecordedRequest } from "../result.ts";

/** Runs the definition's `testAuthentication` (which must be defined) with `context`; never rejects. */
export async function runTestAuthentication(
  context: RunContext,
): Promise<AuthenticationResult> {
  const test = context.destination.testAuthentication!;
  const requests: RecordedRequest[] | undefined = context.record
    ? []
    : undefined;
  let result: AuthenticationResult;
  try {
    const request = requestClientFor(context, undefined, requests);
    const output = outputOf(
      await test(request, { settings: context.settings, auth: context.auth }),
    );
    result = output === undefined ? { ok: true } : { ok: true, output };
  } catch (error) {
    const failure = toResultError(error);
    if (!failure.retryable) {
      failure.message = `Credentials are invalid: ${failure.message}`;
    }
    result = { ok: false, error: failure };
  }
  if (requests !== undefined) result.requests = requests;
  return result;
}
