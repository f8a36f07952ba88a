/**
 * The contract between the harness and an implementation under test (destkit
 * or Segment's reference): everything is built once, outside timing.
 *
 * @module
 */
import type { BenchEvent } from "../scenario/events.ts";

/** A definition as `createDefinition()` returns it. */
export type BenchDefinition = ReturnType<
  typeof import("../scenario/definition.ts").createDefinition
>;

/** A destination of one implementation, with the settings bound. */
export interface BenchDestination {
  /** `onEvent(event, settings)`; rejects, or resolves to the implementation's results. */
  onEvent(event: BenchEvent): Promise<unknown>;
  /** `onBatch(events, settings)`. */
  onBatch(events: BenchEvent[]): Promise<unknown>;
  /** Throws when `results` of `onEvent` (or of `onBatch` of `count` events) report a failure. */
  assertDelivered(results: unknown, count: number): void;
}

/** An implementation under test. */
export interface BenchImplementation {
  /** Short name used in result keys: `destkit`, `reference`. */
  name: string;
  /** The version measured, such as `@segment/actions-core 3.170.0`. */
  version: string;
  /** Returns mapping + cleaning + validation of the subscription's mapping, compiled once. */
  createMapValidate(): (event: BenchEvent) => unknown;
  /** Returns a destination running `definition` with the scenario's settings. */
  createDestination(definition: BenchDefinition): BenchDestination;
}
