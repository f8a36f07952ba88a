// Many events through one action: map and validate each, send the valid ones, one result each.
import {
  ErrorCodes,
  IntegrationError,
  isRetryableStatus,
} from "../../errors.ts";
import type { ValidationWarning } from "../../fields/mod.ts";
import { ModifiedResponse } from "../../request/mod.ts";
import { requestClientFor, type RunContext } from "./_context.ts";
import {
  errorResult,
  messageOf,
  NO_WARNINGS,
  outputOf,
  plainResult,
  statusOfError,
  toResultError,
} from "./_outcome.ts";
import {
  aborted,
  complete,
  performOne,
  resolve,
  type Route,
} from "./_run_event.ts";
import {
  ActionDestinationErrorResponse,
  MultiStatusResponse,
} from "../multi_status_response.ts";
import type { EventResult, RecordedRequest, ResultError } from "../result.ts";
import { TimingsObserver } from "./_timings_observer.ts";

/** The payloads that passed validation, with where each came from. */
interface Valid {
  payloads: unknown[];
  indices: number[];
  events: unknown[];
  warnings: (readonly ValidationWarning[])[];
}

/**
 * Runs `events` (all already matched) through `route`; returns one result per event,
 * in order, and never rejects, unless the policy rethrows (a mapping or `performBatch` error).
 */
export async function runBatch(
  context: RunContext,
  route: Route,
  events: readonly unknown[],
): Promise<EventResult[]> {
  // Timed only when reported: without onComplete no step is observed.
  const observer = context.onComplete === undefined
    ? undefined
    : new TimingsObserver();
  const results: EventResult[] = new Array(events.length);
  const valid = mapAndValidate(context, route, events, results, observer);
  observer?.stepStarted();
  if (valid.payloads.length > 0) {
    if (route.action.performBatch === undefined) {
      await performEach(context, route, valid, results);
    } else {
      await performBatch(context, route, valid, results);
    }
  }
  observer?.stepDone("performMs");
  complete(context, route, results, observer, "batch");
  return results;
}

/** Maps and validates each event; a payload that fails validation gets its result, a mapping that throws under a rethrowing policy throws. */
function mapAndValidate(
  context: RunContext,
  route: Route,
  events: readonly unknown[],
  results: EventResult[],
  observer: TimingsObserver | undefined,
): Valid {
  const valid: Valid = { payloads: [], indices: [], events: [], warnings: [] };
  const { action, subscription } = route;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    let payload: unknown;
    observer?.stepStarted();
    try {
      payload = context.policy.rethrow
        ? route.mapping.resolve(event)
        : resolve(route.mapping, event);
      observer?.stepDone("mapMs");
    } catch (error) {
      if (context.policy.rethrow) throw error;
      results[i] = errorResult(toResultError(error), action.name, subscription);
      continue;
    }
    try {
      const validated = action.fields.validate(payload);
      observer?.stepDone("validateMs");
      valid.payloads.push(validated.payload);
      valid.indices.push(i);
      valid.events.push(event);
      valid.warnings.push(
        validated.warnings.length > 0 ? validated.warnings : NO_WARNINGS,
      );
    } catch (error) {
      results[i] = errorResult(toResultError(error), action.name, subscription);
    }
  }
  return valid;
}

async function performEach(
  context: RunContext,
  route: Route,
  valid: Valid,
  results: EventResult[],
) {
  let next = 0;
  async function worker() {
    while (next < valid.payloads.length) {
      const k = next++;
      results[valid.indices[k]] = await performOne(
        context,
        route,
        valid.payloads[k],
        valid.warnings[k],
        valid.events[k],
      );
    }
  }
  const workers = Math.max(
    1,
    Math.min(context.batchConcurrency, valid.payloads.length),
  );
  const running: Promise<void>[] = [];
  for (let w = 0; w < workers; w++) running.push(worker());
  await Promise.all(running);
}

async function performBatch(
  context: RunContext,
  route: Route,
  valid: Valid,
  results: EventResult[],
) {
  const { action, subscription } = route;
  const requests: RecordedRequest[] | undefined = context.record
    ? []
    : undefined;
  const mode = context.policy.perform;
  let output: unknown;
  try {
    if (context.signal?.aborted) throw aborted(context.signal);
    if (mode === undefined) {
      const request = requestClientFor(context, valid.payloads, requests);
      output = await action.performBatch!(request, {
        settings: context.settings,
        payload: valid.payloads,
        auth: context.auth,
        mapping: route.mappingSource,
        rawData: valid.events,
        logger: context.logger,
        signal: context.signal,
      });
    } else {
      const input = mode.batchInput(valid.payloads, valid.indices);
      output = await action.performBatch!(mode.client(input), input);
    }
  } catch (error) {
    if (context.policy.rethrow) throw error;
    const failure = toResultError(error);
    for (let k = 0; k < valid.indices.length; k++) {
      results[valid.indices[k]] = withRequests(
        errorResult(failure, action.name, subscription, valid.warnings[k]),
        requests,
      );
    }
    return;
  }
  if (mode !== undefined) {
    // The caller reads the outcome of each item from what performBatch returned.
    for (let k = 0; k < valid.indices.length; k++) {
      const result = plainResult(
        "delivered",
        action.name,
        subscription,
        valid.warnings[k],
      );
      if (output !== undefined) result.output = output;
      results[valid.indices[k]] = result;
    }
    return;
  }
  if (output instanceof MultiStatusResponse) {
    fillFromMultiStatus(route, output, valid, results, requests);
    return;
  }
  let failure: ResultError | undefined;
  if (output instanceof ModifiedResponse && !output.ok) {
    failure = {
      message: `Cannot send the batch: received status ${output.status}`,
      code: ErrorCodes.HTTP_ERROR,
      status: output.status,
      retryable: isRetryableStatus(output.status),
    };
  }
  const shown = outputOf(output);
  for (let k = 0; k < valid.indices.length; k++) {
    const result = failure === undefined
      ? plainResult("delivered", action.name, subscription, valid.warnings[k])
      : errorResult(failure, action.name, subscription, valid.warnings[k]);
    if (shown !== undefined) result.output = shown;
    results[valid.indices[k]] = withRequests(result, requests);
  }
}

function fillFromMultiStatus(
  route: Route,
  output: MultiStatusResponse,
  valid: Valid,
  results: EventResult[],
  requests: RecordedRequest[] | undefined,
) {
  const { action, subscription } = route;
  for (let k = 0; k < valid.indices.length; k++) {
    const index = valid.indices[k];
    const warnings = valid.warnings[k];
    const item = output.getResponseAtIndex(k);
    let result: EventResult;
    if (item === undefined) {
      const missing = new IntegrationError(
        `Cannot tell whether event ${index} was delivered: performBatch's MultiStatusResponse has no response at index ${k}`,
        ErrorCodes.INTEGRATION_ERROR,
        500,
      );
      result = errorResult(
        toResultError(missing),
        action.name,
        subscription,
        warnings,
      );
    } else if (item instanceof ActionDestinationErrorResponse) {
      const value = item.value();
      const status = typeof value.status === "number" ? value.status : 500;
      const error: ResultError = {
        message: value.errormessage === undefined || value.errormessage === null
          ? `Received status ${status}`
          : messageOf(value.errormessage),
        code: typeof value.errortype === "string"
          ? value.errortype
          : ErrorCodes.HTTP_ERROR,
        status,
        retryable: value.errortype === ErrorCodes.PAYLOAD_VALIDATION_FAILED
          ? false
          : isRetryableStatus(status),
      };
      result = {
        status: statusOfError(error),
        action: action.name,
        warnings,
        error,
      };
      if (subscription !== undefined) result.subscription = subscription;
      if (value.body !== undefined) result.output = value.body;
    } else {
      const value = item.value();
      result = plainResult("delivered", action.name, subscription, warnings);
      if (value.body !== undefined) result.output = value.body;
    }
    results[index] = withRequests(result, requests);
  }
}

function withRequests(
  result: EventResult,
  requests: RecordedRequest[] | undefined,
): EventResult {
  if (requests !== undefined) result.requests = requests;
  return result;
}
