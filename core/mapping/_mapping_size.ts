// The size of a mapping counts against the work budget before it is checked or compiled: each
// entry costs several resolve steps there, and a customer can send a mapping of a million keys.
import { MappingBudgetError } from "./mapping_budget_error.ts";

/** Units of `maxWork` one entry of a mapping costs to check and compile. */
const UNITS_PER_ENTRY = 4;

/**
 * Throws a `MappingBudgetError` when `mapping` has more than `maxWork / 4`
 * entries; each object is counted once, and a string mapping (which runs
 * spread into one key per character) counts its length.
 */
export function checkMappingSize(mapping: unknown, maxWork: number): void {
  // A budget that is not a positive integer is the compiler's RangeError to report.
  if (!Number.isInteger(maxWork) || maxWork < 1) return;
  const limit = Math.floor(maxWork / UNITS_PER_ENTRY);
  const seen = new Set<object>();
  const stack: unknown[] = [mapping];
  let entries = typeof mapping === "string" ? mapping.length : 0;
  while (stack.length > 0) {
    if (entries > limit) {
      throw new MappingBudgetError(
        `Cannot compile mapping: it has more than ${limit} entries (maxWork)`,
        "maxWork",
        maxWork,
      );
    }
    const value = stack.pop();
    if (typeof value !== "object" || value === null || seen.has(value)) {
      continue;
    }
    seen.add(value);
    const keys = Object.keys(value);
    entries += keys.length;
    for (const key of keys) stack.push((value as Record<string, unknown>)[key]);
  }
}
