/**
 * The fuzz campaign's targets (mapping, FQL, fields, destination, tester and
 * a self-test), by name, and the default rotation of inputs over them.
 *
 * @module
 */
export { createTargets, DEFAULT_ROTATION } from "./targets.ts";
export type { SizeLimits, Target } from "./_target.ts";
