// The lean compiler against compileMapping: same decisions, error classes and output; messages name the path.
import assert from "node:assert/strict";
import fc from "fast-check";
import { event, mapping, tree } from "./_arbitraries_test.ts";
import { compileMapping } from "./compile_mapping.ts";
import { compileMappingLean } from "./compile_mapping_lean.ts";
import { compileMappingWithoutLiquid } from "./compile_without_liquid.ts";
import { MappingDepthError } from "./mapping_depth_error.ts";
import { ValidationError } from "./validation_error.ts";

const SEED = 20260301;

/** What compiling (then resolving) gave: a value, or an error's class, inner classes and paths. */
type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; name: string; inner?: string[]; paths: string[][] };

function errorPaths(error: unknown): string[][] {
  const errors = error instanceof AggregateError ? error.errors : [error];
  return errors.map((e) => e instanceof ValidationError ? [...e.path] : []);
}

function run(action: () => unknown): Outcome {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    const e = error as Error;
    return {
      ok: false,
      name: e.constructor.name,
      ...(e instanceof AggregateError
        ? { inner: e.errors.map((x: Error) => x.constructor.name) }
        : {}),
      paths: errorPaths(error),
    };
  }
}

// Each message names the path of its ValidationError ("/a/@path ..." or "/ ..." at the root).
function assertNamesPaths(error: unknown): void {
  const errors = error instanceof AggregateError ? error.errors : [error];
  for (const inner of errors) {
    if (!(inner instanceof ValidationError)) continue;
    const prefix = `/${inner.path.join("/")} `;
    assert.ok(inner.message.startsWith(prefix), inner.message);
    if (error instanceof AggregateError) {
      assert.ok((error as Error).message.includes(prefix), error.message);
    }
  }
}

let rejected = 0;

function compareOn(generated: unknown, events: unknown[]): void {
  const m = structuredClone(generated);
  // Compiled mappings are closures: compare the decision, then what they resolve.
  const full = run(() => void compileMappingWithoutLiquid(m));
  const lean = run(() => void compileMappingLean(m));
  assert.deepStrictEqual(lean, full, JSON.stringify(m));
  if (!full.ok) {
    rejected++;
    assertNamesPaths(catchError(m));
    return;
  }
  const a = compileMappingWithoutLiquid(m);
  const b = compileMappingLean(m);
  for (const e of events) {
    assert.deepStrictEqual(run(() => b.resolve(e)), run(() => a.resolve(e)));
  }
}

function catchError(m: unknown): unknown {
  try {
    compileMappingLean(m);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${JSON.stringify(m)} to be rejected`);
}

Deno.test("compileMappingLean() decides and resolves as compileMapping on generated mappings", async (t) => {
  let cases = 0;
  await t.step(
    "object mappings, valid and invalid, resolved against events",
    () => {
      fc.assert(
        fc.property(mapping, fc.array(event, { maxLength: 3 }), (m, events) => {
          compareOn(m, events);
          cases++;
        }),
        { seed: SEED, numRuns: 2500 },
      );
    },
  );
  await t.step("invalid-leaning trees: objects and directives", () => {
    fc.assert(
      fc.property(fc.oneof(tree.object, tree.directive), event, (m, e) => {
        compareOn(m, [e]);
        cases++;
      }),
      { seed: SEED + 1, numRuns: 2500 },
    );
  });
  await t.step("without @liquid, the same decisions as compileMapping", () => {
    fc.assert(
      fc.property(tree.object, (generated) => {
        const m = structuredClone(generated);
        if (JSON.stringify(m).includes('"@liquid"')) return;
        const full = run(() => compileMapping(m));
        const lean = run(() => compileMappingLean(m));
        assert.equal(lean.ok, full.ok, JSON.stringify(m));
        if (!full.ok && !lean.ok) assert.equal(lean.name, full.name);
        cases++;
      }),
      { seed: SEED + 2, numRuns: 1000 },
    );
  });
  assert.ok(cases > 5000, `only ${cases} cases ran`);
  assert.ok(rejected > 1000, `only ${rejected} invalid mappings`);
  // deno-lint-ignore no-console
  console.log(
    `lean mapping differential: ${cases} cases, ${rejected} rejected`,
  );
});

Deno.test("compileMappingLean() keeps the depth guard and names paths", async (t) => {
  const cases: {
    name: string;
    mapping: unknown;
    error: RegExp | typeof MappingDepthError;
  }[] = [
    {
      name: "a wrong @path type",
      mapping: { a: { "@path": 1 } },
      error: /\/a\/@path should be a string/,
    },
    {
      name: "a missing @json mode",
      mapping: { b: { "@json": { value: 1 } } },
      error: /\/b\/@json should have "mode"/,
    },
    {
      name: "an unknown directive",
      mapping: { c: { "@bogus": 1 } },
      error: /\/c has unknown @bogus/,
    },
    {
      name: "a cyclic mapping",
      mapping: (() => {
        const x: Record<string, unknown> = {};
        x.x = x;
        return x;
      })(),
      error: MappingDepthError,
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      assert.throws(() => compileMappingLean(c.mapping), c.error);
      assert.throws(() => compileMappingWithoutLiquid(c.mapping));
    });
  }
});
