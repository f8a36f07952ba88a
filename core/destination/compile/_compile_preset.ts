// One preset of a definition, checked once and turned into a subscription.
import { compileFql } from "../../fql/mod.ts";
import { compileMapping } from "../../mapping/mod.ts";
import {
  describe,
  type ReportIssue,
  throwIssue,
} from "./_definition_checks.ts";
import { messageOf } from "../run/_outcome.ts";
import type { Preset, Subscription } from "../types.ts";

/**
 * Checks preset `index` against the actions (`known` says whether one exists, `defaultMappingOf`
 * gives its default mapping) and returns it as a subscription; a preset without a mapping gets
 * its action's default. Each mistake goes to `report`; the result is undefined after one.
 */
export function compilePreset(
  where: string,
  known: (key: string) => boolean,
  defaultMappingOf: (key: string) => Readonly<Record<string, unknown>>,
  preset: Preset,
  index: number,
  report: ReportIssue = throwIssue,
): Subscription | undefined {
  const label = `preset ${
    typeof preset?.name === "string" ? JSON.stringify(preset.name) : index
  }`;
  const path = `presets[${index}]`;
  let sound = true;
  const fail = (reason: string, suffix: string, cause?: unknown): void => {
    sound = false;
    report({
      path: `${path}${suffix}`,
      message: `${where}: ${label} ${reason}`,
      reason: cause === undefined ? reason : messageOf(cause),
      error: TypeError,
      preset: index,
      ...(cause === undefined ? {} : { cause }),
    });
  };
  const partnerAction = preset?.partnerAction;
  if (!known(partnerAction)) {
    fail(
      `names an unknown action ${describe(partnerAction)}`,
      ".partnerAction",
    );
    if (typeof preset !== "object" || preset === null) return undefined;
  }
  let subscribe: string | undefined;
  if (preset.type === "automatic") {
    subscribe = preset.subscribe;
  } else if (preset.type === "specificEvent") {
    if (typeof preset.eventSlug !== "string" || preset.eventSlug === "") {
      fail("has no eventSlug", ".eventSlug");
    } else subscribe = `event = ${JSON.stringify(preset.eventSlug)}`;
  } else {
    fail(
      `has type ${
        describe((preset as { type?: unknown }).type)
      }, not "automatic" or "specificEvent"`,
      ".type",
    );
  }
  if (subscribe !== undefined || preset.type === "automatic") {
    try {
      compileFql(subscribe as string);
    } catch (error) {
      const suffix = preset.type === "automatic" ? ".subscribe" : ".eventSlug";
      fail(
        `has an invalid subscribe query: ${messageOf(error)}`,
        suffix,
        error,
      );
    }
  }
  const mapping = preset.mapping ??
    (known(partnerAction) ? defaultMappingOf(partnerAction) : {});
  try {
    compileMapping(mapping);
  } catch (error) {
    fail(`has an invalid mapping: ${messageOf(error)}`, ".mapping", error);
  }
  if (!sound) return undefined;
  return {
    name: preset.name,
    subscribe: subscribe!,
    partnerAction,
    mapping: { ...mapping },
    enabled: true,
  };
}
