// The budgets of a mapping: how large one directive's output may be, how much work one resolve
// may take, and how many entries a mapping may have before it is checked or compiled.
import { MappingBudgetError } from "./mapping_budget_error.ts";

/** The default `maxOutputSize`: characters of a string, or entries of an object or array, one directive produces. */
export const DEFAULT_MAX_OUTPUT_SIZE = 4_000_000;
/** The default `maxWork`: units of work of one resolve (an entry copied or walked, or 16 characters produced). */
export const DEFAULT_MAX_WORK = 250_000;

// Copying an object entry costs about as much as writing this many characters.
const CHARACTERS_PER_UNIT = 16;

/** The limits of a compiled mapping and the work spent by the resolve under way. */
export interface Budget {
  readonly maxOutputSize: number;
  readonly maxWork: number;
  spent: number;
}

/** Counts work and checks output sizes for one place of a mapping. */
export interface Meter {
  /** Counts `entries` of objects or arrays copied or walked. */
  work(entries: number): void;
  /** Counts `characters` of text produced. */
  write(characters: number): void;
  /** Checks that a value of `size` characters or entries fits `maxOutputSize`. */
  size(size: number): void;
}

/** Returns the meter of the place `where` ("@replace at /v/@replace"). */
export function createMeter(budget: Budget, where: string): Meter {
  function work(entries: number): void {
    budget.spent += entries;
    if (budget.spent > budget.maxWork) {
      throw new MappingBudgetError(
        `Cannot resolve mapping: ${where} takes more than ${budget.maxWork} units of work (maxWork)`,
        "maxWork",
        budget.maxWork,
      );
    }
  }
  return {
    work,
    write: (characters) => work(characters / CHARACTERS_PER_UNIT),
    size(size) {
      if (size > budget.maxOutputSize) {
        throw new MappingBudgetError(
          `Cannot resolve mapping: ${where} produces more than ${budget.maxOutputSize} characters or entries (maxOutputSize)`,
          "maxOutputSize",
          budget.maxOutputSize,
        );
      }
    },
  };
}

/** Returns `"@name at /a/@name"` for a directive at `path` (whose last key is its name). */
export function placeOf(path: readonly string[]): string {
  return `${path[path.length - 1]} at /${path.join("/")}`;
}

// The size of a mapping counts against the work budget before it is checked or compiled: each
// entry costs several resolve steps there, and a customer can send a mapping of a million keys.
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
