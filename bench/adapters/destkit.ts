/**
 * destkit behind the harness's contract: the unchanged definition run by
 * `createDestination`, and `compileMapping` + `validatePayload` for the
 * mapping + validation measure.
 *
 * @module
 */
import {
  compileMapping,
  createDestination,
  validatePayload,
} from "@destkit/core";
import type { BenchEvent } from "../scenario/events.ts";
import {
  FIELDS,
  settingsWithSubscriptions,
  SUBSCRIPTION,
} from "../scenario/definition.ts";
import type {
  BenchDefinition,
  BenchDestination,
  BenchImplementation,
} from "./types.ts";

function assertDelivered(results: unknown, count: number): void {
  if (!Array.isArray(results) || results.length !== count) {
    throw new Error(
      `Cannot confirm delivery: expected ${count} results, got ${
        JSON.stringify(results)
      }`,
    );
  }
  for (let i = 0; i < results.length; i++) {
    if ((results[i] as { status?: unknown }).status !== "delivered") {
      throw new Error(
        `Cannot confirm delivery: result ${i} is ${JSON.stringify(results[i])}`,
      );
    }
  }
}

function createBenchDestination(definition: BenchDefinition): BenchDestination {
  const destination = createDestination(definition);
  const settings = settingsWithSubscriptions();
  return {
    onEvent: (event: BenchEvent) => destination.onEvent(event, settings),
    onBatch: (events: BenchEvent[]) => destination.onBatch(events, settings),
    assertDelivered,
  };
}

function createMapValidate(): (event: BenchEvent) => unknown {
  const mapping = compileMapping(SUBSCRIPTION.mapping);
  return function mapValidate(event: BenchEvent) {
    return validatePayload(FIELDS, mapping.resolve(event)).payload;
  };
}

/** destkit behind the harness's contract. */
export const destkit: BenchImplementation = {
  name: "destkit",
  version: "destkit (this tree)",
  createMapValidate,
  createDestination: createBenchDestination,
};
