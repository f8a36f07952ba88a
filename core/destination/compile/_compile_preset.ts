// One preset of a definition, checked once and turned into a subscription.
import { compileFql } from "../../fql/mod.ts";
import { compileMapping } from "../../mapping/mod.ts";
import type { CompiledAction } from "./_compile_action.ts";
import { describe } from "./_definition_checks.ts";
import { messageOf } from "../run/_outcome.ts";
import type { Preset, Subscription } from "../types.ts";

/**
 * Checks preset `index` against `actions` and returns it as a subscription; a preset
 * without a mapping gets its action's default.
 *
 * @throws {TypeError} naming `where`, the preset and what is wrong.
 */
export function compilePreset(
  where: string,
  actions: ReadonlyMap<string, CompiledAction>,
  preset: Preset,
  index: number,
): Subscription {
  const label = `preset ${
    typeof preset?.name === "string" ? JSON.stringify(preset.name) : index
  }`;
  const action = actions.get(preset?.partnerAction);
  if (action === undefined) {
    throw new TypeError(
      `${where}: ${label} names an unknown action ${
        describe(preset?.partnerAction)
      }`,
    );
  }
  let subscribe: string;
  if (preset.type === "automatic") {
    subscribe = preset.subscribe;
  } else if (preset.type === "specificEvent") {
    if (typeof preset.eventSlug !== "string" || preset.eventSlug === "") {
      throw new TypeError(`${where}: ${label} has no eventSlug`);
    }
    subscribe = `event = ${JSON.stringify(preset.eventSlug)}`;
  } else {
    throw new TypeError(
      `${where}: ${label} has type ${
        describe((preset as { type?: unknown }).type)
      }, not "automatic" or "specificEvent"`,
    );
  }
  try {
    compileFql(subscribe);
  } catch (error) {
    throw new TypeError(
      `${where}: ${label} has an invalid subscribe query: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const mapping = preset.mapping ?? action.defaultMapping;
  try {
    compileMapping(mapping);
  } catch (error) {
    throw new TypeError(
      `${where}: ${label} has an invalid mapping: ${messageOf(error)}`,
      { cause: error },
    );
  }
  return {
    name: preset.name,
    subscribe,
    partnerAction: preset.partnerAction,
    mapping: { ...mapping },
    enabled: true,
  };
}
