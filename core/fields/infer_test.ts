import assert from "node:assert/strict";
import type { InferFields, InputFields } from "@destkit/core";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends
  (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}
function infer<const F extends InputFields>(
  fields: F,
): InferFields<F> | undefined {
  assert.equal(typeof fields, "object");
  return undefined;
}

Deno.test("InferFields types payloads from field literals", async (t) => {
  await t.step("required gives a non-optional key, others are optional", () => {
    const payload = infer({
      email: { label: "Email", type: "string", required: true },
      name: { label: "Name", type: "string" },
    });
    expectType<
      Equal<typeof payload, { email: string; name?: string } | undefined>
    >();
    // @ts-expect-error: email is required
    const missing: typeof payload = { name: "Ann" };
    assert.equal(missing?.name, "Ann");
  });

  await t.step("multiple gives an array, choices a union of literals", () => {
    const payload = infer({
      tags: { label: "Tags", type: "string", multiple: true, required: true },
      plan: {
        label: "Plan",
        type: "string",
        choices: ["free", { label: "Pro", value: "pro" }],
        required: true,
      },
      level: { label: "Level", type: "integer", choices: [1, 2] },
    });
    expectType<
      Equal<
        typeof payload,
        { tags: string[]; plan: "free" | "pro"; level?: 1 | 2 } | undefined
      >
    >();
    // @ts-expect-error: "gold" is not a choice
    const wrong: typeof payload = { tags: [], plan: "gold" };
    assert.equal(wrong?.plan, "gold");
  });

  await t.step(
    "allowNull adds null; password, text and datetime are strings, datetime also numbers",
    () => {
      const payload = infer({
        note: { label: "Note", type: "text", allowNull: true, required: true },
        secret: { label: "Secret", type: "password", required: true },
        at: { label: "At", type: "datetime", required: true },
        on: { label: "On", type: "boolean" },
        n: { label: "N", type: "number" },
      });
      expectType<
        Equal<
          typeof payload,
          {
            note: string | null;
            secret: string;
            at: string | number;
            on?: boolean;
            n?: number;
          } | undefined
        >
      >();
      // @ts-expect-error: a boolean is not a datetime
      const wrong: typeof payload = { note: null, secret: "s", at: true };
      assert.equal(wrong?.at, true);
    },
  );

  await t.step(
    "properties give a nested typed object, additionalProperties an index signature",
    () => {
      const payload = infer({
        user: {
          label: "User",
          type: "object",
          required: true,
          properties: {
            id: { label: "ID", type: "string", required: true },
            age: { label: "Age", type: "number" },
          },
        },
        extra: {
          label: "Extra",
          type: "object",
          additionalProperties: true,
          properties: { id: { label: "ID", type: "string", required: true } },
        },
        bag: { label: "Bag", type: "object" },
      });
      expectType<
        Equal<NonNullable<typeof payload>["user"], { id: string; age?: number }>
      >();
      expectType<
        Equal<
          NonNullable<typeof payload>["extra"],
          ({ id: string } & { [key: string]: unknown }) | undefined
        >
      >();
      expectType<
        Equal<
          NonNullable<typeof payload>["bag"],
          { [key: string]: unknown } | undefined
        >
      >();
      // @ts-expect-error: age is a number
      const wrong: typeof payload = { user: { id: "1", age: "9" } };
      assert.equal(wrong?.user.id, "1");
    },
  );
});
