// The LiquidJS engine configured with Segment's limits: the only file that imports liquidjs.
import { Liquid } from "liquidjs";

/** The longest `@liquid` template. */
export const MAX_LIQUID_LENGTH = 1000;

const DISABLED_TAGS = [
  "case",
  "for",
  "include",
  "layout",
  "render",
  "tablerow",
];
const DISABLED_FILTERS = [
  "array_to_sentence_string",
  "concat",
  "find",
  "find_exp",
  "find_index",
  "find_index_exp",
  "group_by",
  "group_by_exp",
  "has",
  "has_exp",
  "map",
  "newline_to_br",
  "reject",
  "reject_exp",
  "reverse",
  "sort",
  "sort_natural",
  "uniq",
  "where_exp",
  "type",
];

function createEngine(): Liquid {
  // Render time (ms), template length and memory limits, as in Segment.
  const engine = new Liquid({
    renderLimit: 500,
    parseLimit: 1000,
    memoryLimit: 1e8,
  });
  for (const tag of DISABLED_TAGS) {
    const fail = () => {
      throw new Error(`tag "${tag}" is disabled`);
    };
    engine.registerTag(tag, { parse: fail, render: fail });
  }
  for (const filter of DISABLED_FILTERS) {
    engine.registerFilter(filter, () => {
      throw new Error(`filter "${filter}" is disabled`);
    });
  }
  return engine;
}

let engine: Liquid | undefined;

/**
 * Returns the shared engine, made on first use so that loading core costs no
 * engine set-up; parsing and rendering keep no state between templates.
 */
export function liquidEngine(): Liquid {
  engine ??= createEngine();
  return engine;
}

/** Returns the variable paths a Liquid template reads (`properties.name`, ...). */
export function getLiquidKeys(template: string): string[] {
  return liquidEngine().fullVariablesSync(template);
}
