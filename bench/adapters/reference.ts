/**
 * The reference implementation: `@segment/actions-core` 3.170.0, loaded
 * through its CommonJS build, running the unchanged definition.
 *
 * @module
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
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

const require = createRequire(import.meta.url);

interface ReferenceDestination {
  responses: unknown[];
  onEvent(event: unknown, settings: unknown): Promise<unknown[]>;
  onBatch(events: unknown[], settings: unknown): Promise<unknown[]>;
}

interface ActionsCore {
  Destination: new (definition: unknown) => ReferenceDestination;
  transform(mapping: unknown, data: unknown): Record<string, unknown>;
  fieldsToJsonSchema(fields: unknown): unknown;
  validateSchema(payload: unknown, schema: unknown, options: unknown): void;
}

const core: ActionsCore = require("@segment/actions-core");
// removeEmptyValues is not in the package's exports map
// (nor is package.json): both are required by path, from the CommonJS entry's folder
const cjsDir = dirname(require.resolve("@segment/actions-core"));
const { removeEmptyValues } = require(
  join(cjsDir, "remove-empty-values.js"),
) as {
  removeEmptyValues(
    payload: unknown,
    schema: unknown,
    root: boolean,
  ): Record<string, unknown>;
};
const { version } = require(join(cjsDir, "..", "..", "package.json")) as {
  version: string;
};

function assertDelivered(results: unknown, count: number): void {
  const list = results as Record<string, unknown>[];
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(
      `Cannot confirm delivery: the reference returned ${
        JSON.stringify(results)
      }`,
    );
  }
  const multistatus = list[0].multistatus as { status: number }[] | undefined;
  if (multistatus !== undefined) {
    const failed = multistatus.findIndex((entry) =>
      entry.status < 200 || entry.status >= 300
    );
    if (multistatus.length !== count || failed >= 0) {
      throw new Error(
        `Cannot confirm delivery: batch item ${failed} is ${
          JSON.stringify(multistatus[failed])
        }`,
      );
    }
    return;
  }
  if (list[0].output === "not subscribed") {
    throw new Error("Cannot confirm delivery: the event was not subscribed");
  }
}

function createDestination(definition: BenchDefinition): BenchDestination {
  const destination = new core.Destination(definition);
  const settings = settingsWithSubscriptions();
  return {
    async onEvent(event: BenchEvent) {
      const results = await destination.onEvent(event, settings);
      destination.responses.length = 0; // drain, as a long-running host must
      return results;
    },
    async onBatch(events: BenchEvent[]) {
      const results = await destination.onBatch(events, settings);
      destination.responses.length = 0;
      return results;
    },
    assertDelivered,
  };
}

/** The steps `Action.execute` runs before `perform`: transform, removeEmptyValues, validateSchema. */
function createMapValidate(): (event: BenchEvent) => unknown {
  const schema = core.fieldsToJsonSchema(FIELDS);
  const mapping = SUBSCRIPTION.mapping;
  const options = {
    schemaKey: "bench-webhook:Send Event",
    exempt: ["dynamicAuthSettings"],
  };
  return function mapValidate(event: BenchEvent) {
    const payload = removeEmptyValues(
      core.transform(mapping, event),
      schema,
      true,
    );
    core.validateSchema(payload, schema, options);
    return payload;
  };
}

/** `@segment/actions-core` behind the harness's contract. */
export const reference: BenchImplementation = {
  name: "reference",
  version: `@segment/actions-core ${version}`,
  createMapValidate,
  createDestination,
};
