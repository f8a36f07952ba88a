// Differential tests: destkit's mapping language against @segment/actions-core 3.170.0 on generated cases.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { event, mapping, scalar, tree } from "./_arbitraries_test.ts";
import {
  compileMapping,
  getFieldValueKeys,
  transform,
  transformBatch,
  validateMapping,
} from "./mod.ts";

// Segment's actions-core, the oracle, loaded through its CommonJS build.
const require = createRequire(import.meta.url);
const entry = require.resolve("@segment/actions-core");

/** Segment's mapping-kit functions. */
export const segment = {
  transform: require("@segment/actions-core").transform as (
    mapping: unknown,
    data?: unknown,
  ) => unknown,
  transformBatch: require(entry.replace(/index\.js$/, "mapping-kit/index.js"))
    .transformBatch as (
      mapping: unknown,
      data?: unknown,
    ) => unknown,
  validate: require(entry.replace(/index\.js$/, "mapping-kit/validate.js"))
    .default as (mapping: unknown) => void,
  getFieldValueKeys: require("@segment/actions-core").getFieldValueKeys as (
    value: unknown,
  ) => unknown[],
};

/** What running a function gave: a value, or an error described by class name and message. */
export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; name: string; message: string; inner?: string[] };

// Segment's AggregateError message embeds the inner errors' stacks; the frames differ by file, so drop them.
function withoutFrames(message: string): string {
  return message.split("\n").filter((line) => !/^\s+at /.test(line)).join("\n");
}

/** Runs `run` and describes what happened. */
export function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    const e = error as Error & { errors?: Error[]; _errors?: Error[] };
    const innerErrors = e.errors ?? e._errors;
    return {
      ok: false,
      name: e.constructor.name,
      message: withoutFrames(e.message),
      ...(innerErrors
        ? {
          inner: innerErrors.map((x) => `${x.constructor.name}: ${x.message}`),
        }
        : {}),
    };
  }
}

// The one difference on purpose (README, "Where destkit differs"): where Segment throws a bare
// TypeError for a null or undefined mapping or root directive, destkit throws a ValidationError.
// Likewise, where Segment throws a plain Error (or a liquidjs error) while resolving, destkit
// throws a MappingResolveError with the same message.
const SEGMENT_RESOLVE_ERRORS = new Set([
  "Error",
  "ParseError",
  "TokenizationError",
  "RenderError",
  "UndefinedVariableError",
  "AssertionError",
]);

function withTypedErrors(ours: Outcome, theirs: Outcome): Outcome {
  if (theirs.ok || ours.ok) return theirs;
  const bare = theirs.name === "TypeError" &&
    theirs.message === "Cannot convert undefined or null to object";
  if (bare && ours.name === "ValidationError") return ours;
  const resolveFault = SEGMENT_RESOLVE_ERRORS.has(theirs.name) &&
    ours.name === "MappingResolveError" && ours.message === theirs.message;
  return resolveFault ? ours : theirs;
}

const SEED = 20240611;

Deno.test("transform() agrees with Segment's transform on generated mappings and events", async (t) => {
  let agreed = 0;
  // Runs ours and Segment's (given its own copy of the mapping) and asserts the outcomes agree.
  function agree(
    ours: () => unknown,
    theirs: () => unknown,
    describe: () => string,
  ): void {
    const mine = outcome(ours);
    const segments = withTypedErrors(mine, outcome(theirs));
    if (!isDeepStrictEqual(mine, segments)) {
      assert.deepStrictEqual(mine, segments, describe());
    }
    agreed++;
  }
  await t.step("transform", () => {
    fc.assert(
      fc.property(mapping, event, (generatedMapping, generatedEvent) => {
        // Stored mappings and events are JSON: plain objects, never null-prototype ones.
        const m = structuredClone(generatedMapping);
        const e = structuredClone(generatedEvent);
        agree(
          () => transform(m, e),
          () => segment.transform(structuredClone(m), e),
          () => `mapping ${JSON.stringify(m)} event ${JSON.stringify(e)}`,
        );
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
  await t.step("compiled mappings reused across events", () => {
    fc.assert(
      fc.property(
        tree.object,
        fc.array(event, { minLength: 2, maxLength: 4 }),
        (generatedMapping, generatedEvents) => {
          const m = structuredClone(generatedMapping);
          const events = structuredClone(generatedEvents);
          let compiled;
          try {
            compiled = compileMapping(m);
          } catch {
            return;
          }
          for (const e of events) {
            agree(
              () => compiled.resolve(e),
              () => segment.transform(structuredClone(m), e),
              () => `mapping ${JSON.stringify(m)} event ${JSON.stringify(e)}`,
            );
          }
        },
      ),
      { seed: SEED + 1, numRuns: 400 },
    );
  });
  await t.step("transformBatch", () => {
    const items = fc.array(fc.oneof(event, scalar), { maxLength: 3 });
    fc.assert(
      fc.property(tree.object, items, (generatedMapping, generatedData) => {
        const m = structuredClone(generatedMapping);
        const data = structuredClone(generatedData);
        agree(
          () => transformBatch(m, data as unknown[]),
          () => segment.transformBatch(structuredClone(m), data),
          () => `mapping ${JSON.stringify(m)} data ${JSON.stringify(data)}`,
        );
      }),
      { seed: SEED + 2, numRuns: 400 },
    );
  });
  // deno-lint-ignore no-console
  console.log(
    `mapping differential: ${agreed} generated transform cases agree with Segment`,
  );
});

Deno.test("validateMapping() agrees with Segment's validate on generated mappings", async (t) => {
  let agreed = 0;
  function agreeOnValidate(
    mappings: fc.Arbitrary<unknown>,
    seed: number,
    numRuns: number,
  ) {
    fc.assert(
      fc.property(mappings, (m) => {
        const ours = outcome(() => validateMapping(m));
        const theirs = withTypedErrors(
          ours,
          outcome(() => segment.validate(structuredClone(m))),
        );
        // Segment's validate returns null or undefined; ours returns undefined.
        assert.deepStrictEqual(
          ours,
          theirs.ok ? { ok: true, value: undefined } : theirs,
          JSON.stringify(m),
        );
        agreed++;
      }),
      { seed, numRuns },
    );
  }
  await t.step(
    "object mappings",
    () => agreeOnValidate(tree.object, SEED + 3, 2000),
  );
  await t.step(
    "directive mappings",
    () => agreeOnValidate(tree.directive, SEED + 4, 1000),
  );
  // deno-lint-ignore no-console
  console.log(
    `mapping differential: ${agreed} generated validation cases agree with Segment`,
  );
});

Deno.test("getFieldValueKeys() agrees with Segment's on generated mappings", () => {
  fc.assert(
    fc.property(tree.node, (generated) => {
      const m = structuredClone(generated);
      const ours = outcome(() => getFieldValueKeys(m));
      const theirs = outcome(() =>
        segment.getFieldValueKeys(structuredClone(m))
      );
      assert.deepStrictEqual(ours, theirs, JSON.stringify(m));
    }),
    { seed: SEED + 5, numRuns: 1000 },
  );
});

Deno.test("templates: the linear tag scan finds Segment's tags", () => {
  // Braces, line ends and path text: what Segment's backtracking patterns decide on.
  const template = fc.string({
    unit: fc.constantFrom("{", "}", "a", "b", " ", ".", "\n", "\u2028"),
    maxLength: 40,
  });
  const data = { a: "A", b: "{{a}}", "a a": "AA", c: { d: 1 } };
  fc.assert(
    fc.property(template, (text) => {
      const mapping = { out: { "@template": text } };
      assert.deepEqual(
        outcome(() => transform(mapping, data)),
        outcome(() => segment.transform(mapping, data)),
      );
      assert.deepEqual(
        outcome(() => getFieldValueKeys(mapping)),
        outcome(() => segment.getFieldValueKeys(mapping)),
      );
    }),
    { numRuns: 3_000 },
  );
});
