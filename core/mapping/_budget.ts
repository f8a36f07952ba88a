// The budgets of one resolve: how large one directive's output may be, and how much work all of it may take.
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
