// Hostile input: deep or cyclic mappings and events, huge arrays, prototype keys.
import assert from "node:assert/strict";
import {
  compileMapping,
  MappingDepthError,
  transform,
  validateMapping,
} from "./mod.ts";

function nested(
  levels: number,
  leaf: unknown,
  wrap: (inner: unknown) => unknown,
): unknown {
  let value = leaf;
  for (let index = 0; index < levels; index++) value = wrap(value);
  return value;
}

Deno.test("deep and cyclic input gets a MappingDepthError", async (t) => {
  const cases: Array<{ name: string; run: () => unknown }> = [
    {
      name: "mapping nested 10,000 objects deep",
      run: () => transform(nested(10_000, 1, (v) => ({ a: v })) as object, {}),
    },
    {
      name: "mapping nested 10,000 directives deep",
      run: () =>
        transform({ v: nested(10_000, "x", (v) => ({ "@literal": v })) }, {}),
    },
    {
      name: "mapping nested 10,000 arrays deep",
      run: () => transform({ v: nested(10_000, 1, (v) => [v]) }, {}),
    },
    {
      name: "validating a 10,000-level mapping",
      run: () => validateMapping(nested(10_000, 1, (v) => ({ a: v }))),
    },
    {
      name: "cyclic mapping",
      run: () => {
        const mapping: Record<string, unknown> = {};
        mapping.self = mapping;
        return compileMapping(mapping);
      },
    },
    {
      name: "cyclic event copied by @path",
      run: () => {
        const event: Record<string, unknown> = {};
        event.self = event;
        return transform({ v: { "@path": "$.self" } }, event);
      },
    },
    {
      name: "cyclic event flattened",
      run: () => {
        const event: Record<string, unknown> = {};
        event.self = event;
        return transform({
          v: { "@flatten": { separator: ".", value: { "@path": "$." } } },
        }, event);
      },
    },
    {
      name: "cyclic event cleaned of nulls",
      run: () => {
        const event: Record<string, unknown> = {};
        event.self = event;
        return transform(
          { v: { "@excludeWhenNull": { "@path": "$." } } },
          event,
        );
      },
    },
    {
      name: "JSON decoded 100,000 levels deep",
      run: () =>
        transform({
          v: { "@json": { mode: "decode", value: { "@path": "$.s" } } },
        }, { s: "[".repeat(100_000) + "]".repeat(100_000) }),
    },
  ];
  for (const { name, run } of cases) {
    await t.step(name, () => assert.throws(run, MappingDepthError));
  }
  await t.step(
    "an event 100,000 levels deep can still be encoded as JSON",
    () => {
      const event = nested(100_000, 1, (v) => ({ a: v })) as object;
      const result = transform({
        v: { "@json": { mode: "encode", value: { "@path": "$." } } },
      }, event);
      assert.equal(typeof result.v, "string");
    },
  );
  await t.step("400 levels are fine", () => {
    const event = nested(400, 1, (v) => ({ a: v })) as object;
    assert.deepStrictEqual(transform({ v: { "@path": "$." } }, event), {
      v: event,
    });
  });
});

Deno.test("huge arrays resolve without overflowing the stack", async (t) => {
  const items = Array.from({ length: 200_000 }, (_, index) => ({ id: index }));
  await t.step("@arrayPath over 200,000 items", () => {
    const result = transform({
      v: { "@arrayPath": ["$.items", { n: { "@path": "$.id" } }] },
    }, { items });
    assert.equal((result.v as unknown[]).length, items.length);
  });
  await t.step("@flatten of 200,000 items", () => {
    const result = transform({
      v: { "@flatten": { separator: ".", value: { "@path": "$.items" } } },
    }, { items });
    assert.equal(Object.keys(result.v as object).length, items.length);
  });
  await t.step("@merge of 200,000 objects", () => {
    const objects = Array.from(
      { length: 200_000 },
      (_, index) => ({ [`k${index % 10}`]: index }),
    );
    const result = transform({
      v: { "@merge": { direction: "right", objects } },
    }, {});
    assert.equal(Object.keys(result.v as object).length, 10);
  });
});

Deno.test("prototype keys never read or write Object.prototype", async (t) => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const reads: Array<
    { name: string; mapping: Record<string, unknown>; expected: unknown }
  > = [
    {
      name: "@path __proto__",
      mapping: { v: { "@path": "$.__proto__" } },
      expected: {},
    },
    {
      name: "@path constructor.prototype",
      mapping: { v: { "@path": "$.constructor.prototype" } },
      expected: {},
    },
    {
      name: "@path a.prototype",
      mapping: { v: { "@path": "$.a.prototype" } },
      expected: {},
    },
    {
      name: "@path toString",
      mapping: { v: { "@path": "$.toString" } },
      expected: {},
    },
    {
      name: "@template constructor",
      mapping: { v: { "@template": "[{{constructor}}|{{__proto__}}]" } },
      expected: { v: "[|]" },
    },
    {
      name: "@arrayPath __proto__",
      mapping: {
        v: {
          "@arrayPath": ["$.__proto__", { x: { "@path": "$.constructor" } }],
        },
      },
      expected: {},
    },
  ];
  for (const { name, mapping, expected } of reads) {
    await t.step(
      `${name} reads nothing inherited`,
      () => assert.deepStrictEqual(transform(mapping, { a: {} }), expected),
    );
  }
  await t.step(
    "own __proto__ keys in events and mappings change no prototype",
    () => {
      const event = JSON.parse(
        '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "prototype": 3}',
      );
      const mapping = JSON.parse(`{
      "__proto__": {"polluted": {"@path": "$.__proto__.polluted"}},
      "copy": {"@path": "$."},
      "merged": {"@merge": {"direction": "right", "objects": [{"@path": "$."}, {"@path": "$.constructor"}]}},
      "flat": {"@flatten": {"separator": ".", "value": {"@path": "$."}}},
      "clean": {"@excludeWhenNull": {"@path": "$."}},
      "ctor": {"@path": "$.constructor.prototype.polluted"},
      "proto": {"@path": "$.prototype"}
    }`);
      const result = transform(mapping, event);
      for (const value of [result, result.copy, result.merged, result.clean]) {
        assert.equal(Object.getPrototypeOf(value), Object.prototype);
        assert.equal(Object.hasOwn(value as object, "__proto__"), false);
      }
      assert.equal(result.ctor, 2);
      assert.equal(result.proto, 3);
      assert.deepStrictEqual(result.merged, {
        constructor: { prototype: { polluted: 2 } },
        prototype: { polluted: 2 },
      });
      assert.equal(
        Object.hasOwn(result.flat as object, "__proto__.polluted"),
        true,
      );
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.deepStrictEqual(
        Object.getOwnPropertyNames(Object.prototype).sort(),
        before,
      );
    },
  );
});
