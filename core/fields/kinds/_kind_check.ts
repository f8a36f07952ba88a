// The zod-free half of a field kind: the JSON types a value is coerced to, a fast test, and
// the messages of every check a value fails (what the kind's zod schema reports, in its order).
import type { JSONType } from "../_json_types.ts";
import type { InputField } from "../input_field.ts";

/**
 * Pushes the message of each check `value` fails onto `messages`, in the
 * order the kind's zod schema runs them; returns true when the value's type
 * is wrong, which stops the checks that follow (choices, a Standard Schema).
 */
export type ValueCheck = (value: unknown, messages: string[]) => boolean;

/** What the lean validator needs of a field kind. */
export interface KindCheck {
  /** The JSON types a value may have, in AJV's coercion order. */
  readonly jsonTypes: readonly JSONType[];
  /** Returns the messages of the checks one clean value fails (choices aside). */
  check(field: InputField): ValueCheck;
}

// Checks push messages only on failure, so one scratch array serves every fast test.
const scratch: string[] = [];

/** Returns a fast test of one clean value: whether `check` finds nothing wrong. */
export function toAccepts(check: ValueCheck): (value: unknown) => boolean {
  return (value) => {
    if (check(value, scratch)) {
      scratch.length = 0;
      return false;
    }
    // Setting the length is slow even when it does not change.
    if (scratch.length === 0) return true;
    scratch.length = 0;
    return false;
  };
}
