import type { FieldChoice } from "./input_field.ts";

/** The values of a field's choices. */
export function choiceValues(
  choices: readonly FieldChoice[],
): (string | number)[] {
  return choices.map((choice) =>
    typeof choice === "object" ? choice.value : choice
  );
}
