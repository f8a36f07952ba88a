// What executeAction and executeBatch run: a named action with a mapping, without a subscription.
import { ErrorCodes, IntegrationError } from "../../errors.ts";
import {
  type CompiledAction,
  type CompiledDestination,
  describeActions,
} from "./_compile_definition.ts";
import { errorResult, toResultError } from "../run/_outcome.ts";
import type { Route } from "../run/_run_event.ts";
import { isCompiledMapping, type MappingCache } from "./_subscriptions.ts";
import type { EventResult } from "../result.ts";

/** Returns the route of `action` with `mapping` (by default, its field defaults), or the result of a mapping that does not compile. */
export function actionRoute(
  action: CompiledAction,
  mappings: MappingCache,
  mapping: Readonly<Record<string, unknown>> | undefined,
): Route | EventResult {
  const source = mapping ?? action.defaultMapping;
  const compiled = mappings.get(source);
  if (!isCompiledMapping(compiled)) {
    return errorResult(compiled, action.name, undefined);
  }
  return { action, mapping: compiled, mappingSource: source };
}

/** Returns the result of running action `name`, which `destination` does not have. */
export function unknownActionResult(
  destination: CompiledDestination,
  name: string,
): EventResult {
  const error = new IntegrationError(
    `Cannot run action "${name}": destination "${destination.name}" has ${
      describeActions(destination)
    }`,
    ErrorCodes.UNKNOWN_ACTION,
    400,
    { retryable: false },
  );
  return errorResult(toResultError(error), name, undefined);
}
