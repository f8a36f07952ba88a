// Differential: the helpers of the drop-in against @segment/actions-core, and its export list.
import assert from "node:assert/strict";
import * as dropIn from "./actions_core.ts";
import { oracle, outcome } from "./_oracle_test.ts";

// deno-lint-ignore no-explicit-any
type Lib = Record<string, any>;
const ours = dropIn as unknown as Lib;

const values: unknown[] = [
  null,
  undefined,
  0,
  "",
  "a",
  [],
  [1, undefined, { a: undefined, b: null }],
  {},
  { a: 1, b: undefined, c: { d: undefined, e: [undefined] } },
  new Date(0),
  /x/,
  () => 1,
  new Map(),
  Object.create(null),
];

Deno.test("value helpers give actions-core's answers", async (t) => {
  await t.step(
    "realTypeOf, isObject, isArray, isString, removeUndefined",
    () => {
      for (const value of values) {
        for (
          const name of [
            "realTypeOf",
            "isObject",
            "isArray",
            "isString",
            "removeUndefined",
          ]
        ) {
          assert.deepEqual(
            ours[name](value),
            oracle[name](value),
            `${name}(${realTypeOfLabel(value)})`,
          );
        }
      }
    },
  );
  await t.step("omit", () => {
    const cases: [unknown, string[]][] = [
      [{ a: 1, b: 2, c: 3 }, ["b"]],
      [null, ["a"]],
      [undefined, []],
      [{ a: undefined }, ["x"]],
    ];
    for (const [object, keys] of cases) {
      assert.deepEqual(ours.omit(object, keys), oracle.omit(object, keys));
    }
  });
  await t.step("get", () => {
    const object = {
      a: { b: [{ c: 1 }, 0], "d.e": 2, z: 0, s: "str" },
      "x y": 3,
    };
    const paths = [
      "",
      ".",
      "a.b[0].c",
      "a.b.0.c",
      "a.b[1].x",
      "a['d.e']",
      'a["b"][0]',
      "a.z.x",
      "a.s.length",
      "a.s[1]",
      "x y",
      "missing.deep",
      null,
      undefined,
      ["a", "b", "0", "c"],
      "a..b",
      "a[b]",
    ];
    for (const path of paths) {
      assert.deepEqual(
        ours.get(object, path),
        oracle.get(object, path),
        String(path),
      );
    }
  });
  await t.step("defaultValues", () => {
    const fields = {
      a: { label: "A", type: "string", default: { "@path": "$.a" } },
      b: { label: "B", type: "string" },
      c: { label: "C", type: "number", default: 0 },
      d: { label: "D", type: "boolean", default: false },
      e: { label: "E", type: "string", default: undefined },
    };
    assert.deepEqual(ours.defaultValues(fields), oracle.defaultValues(fields));
  });
  await t.step(
    "duration of two time() readings is a number of milliseconds",
    () => {
      const start = ours.time();
      assert.equal(typeof start, typeof oracle.time());
      assert.equal(
        ours.duration(10_000_000n, 12_500_000n),
        oracle.duration(10_000_000n, 12_500_000n),
      );
    },
  );
  await t.step("constants", () => {
    assert.equal(ours.DEFAULT_REQUEST_TIMEOUT, oracle.DEFAULT_REQUEST_TIMEOUT);
    assert.deepEqual({ ...ours.FLAGS }, { ...oracle.FLAGS });
  });
  await t.step("getAuthData", () => {
    const settings = [
      {},
      {
        oauth: {
          access_token: "a",
          refresh_token: "r",
          refresh_token_url: "u",
          clientId: "c",
        },
      },
      { oauth: null },
    ];
    for (const s of settings) {
      assert.deepEqual(ours.getAuthData(s), oracle.getAuthData(s));
    }
  });
});

Deno.test("retry() calls and throws as actions-core's does", async (t) => {
  const scripts: {
    name: string;
    steps: ("ok" | "fail" | "falsy")[];
    retries?: number;
    again?: boolean[];
  }[] = [
    { name: "success first", steps: ["ok"] },
    { name: "fail then success", steps: ["fail", "ok"] },
    { name: "fail twice", steps: ["fail", "fail", "ok"] },
    { name: "three retries", steps: ["fail", "fail", "ok"], retries: 3 },
    { name: "a falsy throw stops", steps: ["falsy", "ok"] },
    {
      name: "shouldRetry false once",
      steps: ["ok", "ok"],
      again: [false, true],
    },
    {
      name: "shouldRetry always false",
      steps: ["ok", "ok", "ok"],
      again: [false, false, false],
    },
    { name: "no attempts", steps: ["ok"], retries: 0 },
  ];
  for (const script of scripts) {
    await t.step(script.name, async () => {
      const run = async (lib: Lib) => {
        const log: string[] = [];
        const result = await outcome(() =>
          lib.retry((attempt: number) => {
            const step = script.steps[attempt - 1];
            log.push(`call ${attempt}`);
            if (step === "fail") throw new Error(`failed ${attempt}`);
            if (step === "falsy") throw 0;
            return `value ${attempt}`;
          }, {
            retries: script.retries,
            onFailedAttempt: (error: unknown, n: number) =>
              log.push(`failed ${n} ${String(error)}`),
            shouldRetry: script.again === undefined
              ? undefined
              : (_: unknown, n: number) => script.again![n - 1],
          })
        );
        return { log, result };
      };
      assert.deepEqual(await run(ours), await run(oracle));
    });
  }
});

Deno.test("resolveAudienceMembership gives actions-core's answers", () => {
  const events: unknown[] = [undefined, {}, { type: "track", event: "new" }, {
    type: "track",
    event: "deleted",
  }, {
    type: "identify",
    traits: { vip: true },
    context: {
      personas: { computation_class: "audience", computation_key: "vip" },
    },
  }, {
    type: "track",
    properties: { vip: false },
    context: {
      personas: { computation_class: "journey_step", computation_key: "vip" },
    },
  }, {
    type: "track",
    properties: { vip: "yes" },
    context: {
      personas: { computation_class: "audience", computation_key: "vip" },
    },
  }, {
    type: "track",
    event: "updated",
    context: { personas: { computation_class: "other" } },
  }];
  for (const event of events) {
    for (
      const mode of [
        undefined,
        "add",
        "update",
        "upsert",
        "delete",
        "mirror",
        "other",
      ]
    ) {
      assert.equal(
        ours.resolveAudienceMembership(event, mode),
        oracle.resolveAudienceMembership(event, mode),
        `${JSON.stringify(event)} ${mode}`,
      );
    }
  }
});

Deno.test("directive guards and getFieldValueKeys give actions-core's answers", () => {
  const mappings: unknown[] = [
    null,
    "text",
    { "@path": "$.a" },
    { "@template": "{{a.b}} and {{c}}" },
    { "@literal": 1 },
    {
      "@if": { exists: { "@path": "$.a" }, then: 1, else: { "@path": "$.b" } },
    },
    { "@if": { then: 1 } },
    { "@arrayPath": ["$.items", { id: { "@path": "$.id" } }] },
    { "@arrayPath": "$.items" },
    { "@case": { operator: "lower", value: { "@path": "$.c" } } },
    {
      "@replace": { pattern: "a", replacement: "b", value: { "@path": "$.r" } },
    },
    { "@json": { value: { "@path": "$.j" }, mode: "encode" } },
    { "@excludeWhenNull": { "@path": "$.n" } },
    { a: { "@path": "$.x" }, b: { c: { "@path": "$.y" } } },
    { "@path": "$.a", other: 1 },
  ];
  const guards = [
    "isDirective",
    "isPathDirective",
    "isTemplateDirective",
    "isLiteralDirective",
    "isIfDirective",
    "isArrayPathDirective",
    "isCaseDirective",
    "isReplaceDirective",
    "isJSONDirective",
    "isExcludeWhenNullDirective",
    "getFieldValue",
    "getFieldValueKeys",
  ];
  for (const mapping of mappings) {
    for (const name of guards) {
      assert.deepEqual(
        ours[name](mapping),
        oracle[name](mapping),
        `${name}(${JSON.stringify(mapping)})`,
      );
    }
  }
});

Deno.test("createTestEvent has actions-core's shape", () => {
  const volatile = ["messageId", "receivedAt", "sentAt", "timestamp"];
  const strip = (event: Record<string, unknown>) => {
    const copy = { ...event };
    for (const key of volatile) delete copy[key];
    return copy;
  };
  for (
    const input of [undefined, { type: "identify", traits: { a: 1 } }, {
      userId: null,
    }]
  ) {
    const a = ours.createTestEvent(input);
    const b = oracle.createTestEvent(input);
    assert.deepEqual(strip(a), strip(b));
    assert.deepEqual(Object.keys(a), Object.keys(b));
  }
});

Deno.test("MultiStatusResponse gives actions-core's items", () => {
  const fill = (lib: Lib) => {
    const response = new lib.MultiStatusResponse();
    response.pushSuccessResponse({ status: 200, sent: { a: 1 }, body: "ok" });
    response.pushErrorResponse({ status: 429, errormessage: "Slow down" });
    response.pushErrorResponse({
      status: 400,
      errortype: "BAD_REQUEST",
      errormessage: "No",
    });
    response.pushResponseObject(
      new lib.ActionDestinationErrorResponse({
        status: 999,
        errormessage: "?",
      }),
    );
    response.setSuccessResponseAtIndex(5, { status: 201, sent: {}, body: {} });
    return {
      json: JSON.stringify(response),
      length: response.length(),
      values: [0, 1, 2, 3, 5].map((index) =>
        response.getResponseAtIndex(index).value()
      ),
      kinds: [0, 1, 4, 5].map((index) => [
        response.isSuccessResponseAtIndex(index),
        response.isErrorResponseAtIndex(index),
      ]),
    };
  };
  assert.deepEqual(fill(ours), fill(oracle));
});

Deno.test("the drop-in exports every value actions-core's root exports", async (t) => {
  const theirs = Object.keys(oracle).filter((name) => name !== "__esModule")
    .sort();
  await t.step("no value export is missing", () => {
    const missing = theirs.filter((name) => !(name in dropIn));
    assert.deepEqual(missing, []);
  });
  await t.step("each has the same kind (function, object, number)", () => {
    for (const name of theirs) {
      assert.equal(typeof ours[name], typeof oracle[name], name);
    }
  });
});

function realTypeOfLabel(value: unknown): string {
  return Object.prototype.toString.call(value);
}
