// One event through one action: match, map, validate, perform, result.
import { AbortError, ErrorCodes, IntegrationError } from "../../errors.ts";
import type { ValidationWarning } from "../../fields/mod.ts";
import type { FqlMatcher } from "../../fql/mod.ts";
import type {
  CompiledAction,
  CompiledMapping,
} from "../compile/_compile_definition.ts";
import { requestClientFor, type RunContext } from "./_context.ts";
import {
  errorResult,
  messageOf,
  NO_WARNINGS,
  outputOf,
  plainResult,
  toResultError,
} from "./_outcome.ts";
import { redactResults } from "./_redact_results.ts";
import type { EventResult, RecordedRequest } from "../result.ts";
import { TimingsObserver } from "./_timings_observer.ts";

/** Where one event is going: the action, its mapping, and the subscription's query and name. */
export interface Route {
  action: CompiledAction;
  mapping: Pick<CompiledMapping, "resolve">;
  mappingSource: Readonly<Record<string, unknown>>;
  match?: FqlMatcher;
  subscription?: string;
}

/** Runs one event through `route`; never rejects, unless the policy rethrows. */
export async function runEvent(
  context: RunContext,
  route: Route,
  event: unknown,
): Promise<EventResult> {
  // Timed only when reported: without onComplete no step is observed.
  const observer = context.onComplete === undefined
    ? undefined
    : new TimingsObserver();
  const { action, subscription } = route;
  let result: EventResult;
  let payload: unknown;
  let warnings: readonly ValidationWarning[] = NO_WARNINGS;
  try {
    if (route.match !== undefined && !route.match(event)) {
      result = plainResult("unmatched", action.name, subscription);
      observer?.stepDone("matchMs");
      return complete(context, route, [result], observer);
    }
    observer?.stepDone("matchMs");
    payload = context.policy.rethrow
      ? route.mapping.resolve(event)
      : resolve(route.mapping, event);
    observer?.stepDone("mapMs");
    const validated = action.fields.validate(payload);
    payload = validated.payload;
    if (validated.warnings.length > 0) warnings = validated.warnings;
    observer?.stepDone("validateMs");
  } catch (error) {
    return complete(
      context,
      route,
      [failed(context, route, error, warnings)],
      observer,
    );
  }
  result = await performOne(context, route, payload, warnings, event);
  if (observer === undefined) {
    // Nothing to report or log: skip the list `complete` takes.
    if (context.logger === undefined) {
      return redactResults([result], context.secrets)[0];
    }
  } else observer.stepDone("performMs");
  return complete(context, route, [result], observer);
}

/** Runs `perform` with a validated payload; never rejects. */
export async function performOne(
  context: RunContext,
  route: Route,
  payload: unknown,
  warnings: readonly ValidationWarning[],
  event: unknown,
): Promise<EventResult> {
  const { action, subscription } = route;
  const requests: RecordedRequest[] | undefined = context.record
    ? []
    : undefined;
  let result: EventResult;
  try {
    if (context.signal?.aborted) throw aborted(context.signal);
    const mode = context.policy.perform;
    let shown: unknown;
    if (mode === undefined) {
      const request = requestClientFor(context, payload, requests);
      shown = outputOf(
        await action.perform(request, {
          settings: context.settings,
          payload,
          auth: context.auth,
          mapping: route.mappingSource,
          rawData: event,
          logger: context.logger,
          signal: context.signal,
        }),
      );
    } else {
      const input = mode.input(payload, event);
      shown = mode.output(
        await action.perform(mode.client(input), input),
      );
    }
    result = plainResult("delivered", action.name, subscription, warnings);
    if (shown !== undefined) result.output = shown;
  } catch (error) {
    result = failed(context, route, error, warnings);
    if (!(error instanceof IntegrationError)) {
      context.logger?.error?.(
        `Action "${action.name}" threw: ${messageOf(error)}`,
        { action: action.name },
      );
    }
  }
  if (requests !== undefined) result.requests = requests;
  return result;
}

/** The result of a step that threw `error`, or `error` again when the policy rethrows. */
function failed(
  context: RunContext,
  route: Route,
  error: unknown,
  warnings: readonly ValidationWarning[],
): EventResult {
  if (context.policy.rethrow) throw error;
  return errorResult(
    toResultError(error),
    route.action.name,
    route.subscription,
    warnings,
  );
}

/** Resolves a mapping; a failure is a payload validation error. */
export function resolve(
  mapping: Pick<CompiledMapping, "resolve">,
  event: unknown,
): Record<string, unknown> {
  try {
    return mapping.resolve(event as Record<string, unknown>);
  } catch (error) {
    if (error instanceof IntegrationError) throw error;
    throw new IntegrationError(
      `Cannot map the event: ${messageOf(error)}`,
      ErrorCodes.PAYLOAD_VALIDATION_FAILED,
      400,
      {
        retryable: false,
        cause: error,
      },
    );
  }
}

/** The error of work the caller aborted. */
export function aborted(signal: AbortSignal): AbortError {
  return new AbortError("Cannot run the action: the call was aborted", {
    cause: signal.reason,
  });
}

/** Reports `results` to `onComplete` (when `observer` timed the run) and logs them; returns the first. */
export function complete(
  context: RunContext,
  route: Pick<Route, "action" | "subscription">,
  results: EventResult[],
  observer: TimingsObserver | undefined,
  kind: "event" | "batch" = "event",
): EventResult {
  redactResults(results, context.secrets);
  if (context.logger !== undefined) logResults(context, results);
  if (observer !== undefined && context.onComplete !== undefined) {
    const timings = observer.finish();
    const info = {
      destination: context.destination.name,
      kind,
      action: route.action.name,
      results,
      timings,
    };
    if (route.subscription !== undefined) {
      Object.assign(info, { subscription: route.subscription });
    }
    try {
      context.onComplete(info);
    } catch (error) {
      context.logger?.error?.(`onComplete threw: ${messageOf(error)}`);
    }
  }
  return results[0];
}

function logResults(context: RunContext, results: EventResult[]): void {
  const logger = context.logger!;
  for (const result of results) {
    if (result.error === undefined) {
      logger.debug?.(`Event ${result.status}`, {
        action: result.action,
        subscription: result.subscription,
      });
    } else {
      logger.warn?.(`Event ${result.status}: ${result.error.message}`, {
        action: result.action,
        subscription: result.subscription,
        code: result.error.code,
        status: result.error.status,
        retryable: result.error.retryable,
      });
    }
  }
}

export { NO_WARNINGS };
