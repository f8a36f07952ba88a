// The campaign's targets, by name, and the default rotation of inputs over them.
import type { Target } from "./_target.ts";
import { destinationTarget } from "./destination.ts";
import { fieldsTarget } from "./fields.ts";
import { fqlTarget } from "./fql.ts";
import { mappingTarget } from "./mapping.ts";
import { selftestTarget } from "./selftest.ts";
import { testerTarget } from "./tester.ts";

/** Every target by name; `selftest` fails on purpose and is never in the default rotation. */
export function createTargets(): Record<string, Target> {
  return {
    mapping: mappingTarget,
    fql: fqlTarget,
    fields: fieldsTarget,
    destination: destinationTarget,
    tester: testerTarget(),
    selftest: selftestTarget,
  };
}

/** Input `i` goes to `rotation[i % rotation.length]`: weights by repetition. */
export const DEFAULT_ROTATION = [
  "mapping",
  "fql",
  "fields",
  "destination",
  "mapping",
  "tester",
  "fields",
  "destination",
  "mapping",
  "fql",
];
