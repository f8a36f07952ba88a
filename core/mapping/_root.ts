// The root directive `__segment_internal_directive`, resolved as Segment's getMappingToProcess.
import { MappingResolveError } from "./mapping_resolve_error.ts";
import { isObject, realTypeOf } from "./_real_type.ts";
import { ValidationError } from "./validation_error.ts";

/** The key under which a mapping holds a directive that applies to the whole mapping. */
export const ROOT_DIRECTIVE_KEY = "__segment_internal_directive";

/**
 * Returns the mapping that actually runs: a copy of `mapping` spread into an
 * object, or, with the root directive, that directive with `mapping` set to
 * the other keys. The caller's object is never changed.
 */
export function getMappingToProcess(mapping: unknown): unknown {
  // Segment throws a bare TypeError for these two; destkit names the fault.
  if (mapping === null || mapping === undefined) {
    throw new ValidationError(
      `should be an object but it is ${realTypeOf(mapping)}`,
    );
  }
  const keys = Object.keys(mapping);
  if (!keys.includes(ROOT_DIRECTIVE_KEY)) return { ...(mapping as object) };
  const source = mapping as Record<string, unknown>;
  const customerMappings: Record<string, unknown> = {};
  for (const key in source) {
    if (key !== ROOT_DIRECTIVE_KEY && key !== "__proto__") {
      customerMappings[key] = source[key];
    }
  }
  const root = source[ROOT_DIRECTIVE_KEY];
  if (root === null || root === undefined) {
    throw new ValidationError(
      `should be a directive object but it is ${realTypeOf(root)}`,
      [ROOT_DIRECTIVE_KEY],
    );
  }
  const rootKeys = Object.keys(root);
  if (rootKeys.length > 1) {
    throw new MappingResolveError(
      "The root mapping must only have a single directive object",
    );
  }
  const rootKey = rootKeys[0];
  const directive = rootKey === undefined
    ? undefined
    : (root as Record<string, unknown>)[rootKey];
  if (!directive || typeof directive !== "object") {
    throw new MappingResolveError("The root directive must be an object");
  }
  if (!isObject(directive)) return root;
  const patched: Record<string, unknown> = { ...directive };
  patched.mapping = customerMappings;
  if (Array.isArray(root)) {
    const items: unknown[] = [];
    for (let index = 0; index < root.length; index++) {
      items.push(String(index) === rootKey ? patched : root[index]);
    }
    return items;
  }
  const copy: Record<string, unknown> = { ...(root as object) };
  Object.defineProperty(copy, rootKey, {
    value: patched,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return copy;
}
