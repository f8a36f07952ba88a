// Hostile payloads through the public API: field code never throws anything but a
// PayloadValidationError, so an event is invalid (never retried), not a crash.
import assert from "node:assert/strict";
import {
  createDestination,
  defineDestination,
  type InputFields,
  PayloadValidationError,
  validatePayload,
} from "@destkit/core";
import { createPartner } from "../_test_partner.ts";
import { requiredWhen } from "./_test_fixtures.ts";

const API = "https://api.acme.test";

function nullPrototype<T extends object>(value: T): T {
  return Object.assign(Object.create(null), value);
}

function nullPrototypeArray(items: unknown[]): unknown[] {
  const array = [...items];
  Object.setPrototypeOf(array, null);
  return array;
}

function assertIssuePaths(
  fields: InputFields,
  payload: unknown,
  paths: string[],
): void {
  assert.throws(
    () => validatePayload(fields, payload),
    (error) => {
      assert.ok(error instanceof PayloadValidationError);
      assert.deepEqual(error.issues.map((issue) => issue.path), paths);
      return true;
    },
  );
}

// A destination whose one action posts the payload, mapped from the event's properties.
function acme(fields: InputFields, mapping: Record<string, unknown>) {
  const sent: unknown[] = [];
  const definition = defineDestination({
    name: "Acme",
    mode: "cloud",
    actions: {
      send: {
        title: "Send",
        description: "Sends the payload",
        fields,
        perform: (request, { payload }) =>
          request(`${API}/send`, { method: "post", json: payload }),
      },
    },
  });
  const { fetch } = createPartner((request) => {
    sent.push(request.body);
    return Response.json({ ok: true });
  });
  const destination = createDestination(definition, { fetch });
  const subscription = {
    name: "Send",
    subscribe: 'type = "track"',
    partnerAction: "send",
    mapping,
  };
  return {
    sent,
    send: (properties: Record<string, unknown>) =>
      destination.onEvent({ type: "track", event: "E", properties }, {
        subscriptions: [subscription],
      }),
  };
}

Deno.test("a string field's minLength with a hostile length is an invalid payload", async (t) => {
  const fields: InputFields = {
    name: { label: "Name", type: "string", minLength: 2, maxLength: 5 },
  };
  const hostile = { length: { toString: 1 } };

  await t.step("validatePayload() names the path", () => {
    assert.throws(
      () => validatePayload(fields, { name: hostile }),
      (error) => {
        assert.ok(error instanceof PayloadValidationError);
        assert.deepEqual(error.issues, [{
          path: "name",
          message: "must be a string, received an object",
        }]);
        return true;
      },
    );
  });
  await t.step("onEvent() reports it invalid, not retryable", async () => {
    const { send, sent } = acme(fields, {
      name: { "@path": "$.properties.name" },
    });
    const [result] = await send({ name: hostile });
    assert.equal(result.status, "invalid");
    assert.equal(result.error?.code, "PAYLOAD_VALIDATION_FAILED");
    assert.equal(result.error?.status, 400);
    assert.equal(result.error?.retryable, false);
    assert.match(result.error?.message ?? "", /name: must be a string/);
    assert.deepEqual(sent, []);
  });
});

Deno.test("null-prototype objects and arrays are validated like any other", async (t) => {
  const fields: InputFields = {
    user: {
      label: "User",
      type: "object",
      properties: {
        email: { label: "Email", type: "string", required: true },
        age: { label: "Age", type: "integer" },
      },
    },
    tags: { label: "Tags", type: "string", multiple: true },
    extra: { label: "Extra", type: "object" },
  };

  await t.step("a valid payload is accepted and coerced", () => {
    const payload = nullPrototype({
      user: nullPrototype({ email: "a@b.co", age: "7", x: 1 }),
      tags: nullPrototypeArray(["a", null, 5]),
      extra: nullPrototype({ deep: nullPrototypeArray([1]) }),
    });
    const result = validatePayload(fields, payload);
    assert.deepEqual(result.payload.user, { email: "a@b.co", age: 7 });
    assert.deepEqual([...result.payload.tags as string[]], ["a", "5"]);
  });
  await t.step("an invalid one names its paths", () => {
    const payload = nullPrototype({
      user: nullPrototype({ age: nullPrototypeArray([]) }),
      tags: nullPrototypeArray([nullPrototype({})]),
    });
    assertIssuePaths(fields, payload, ["user.age", "user.email", "tags[0]"]);
  });
  await t.step("conditions compare null-prototype values", () => {
    const conditional: InputFields = {
      kind: { label: "Kind", type: "object" },
      id: requiredWhen("ID", {
        fieldKey: "kind",
        operator: "is",
        value: ["a"],
      }),
      ids: {
        label: "IDs",
        type: "object",
        multiple: true,
        properties: {
          id: requiredWhen("ID", { fieldKey: "kind", operator: "is_not" }),
        },
      },
    };
    const payload = nullPrototype({
      kind: nullPrototypeArray(["a"]),
      ids: nullPrototypeArray([nullPrototype({})]),
    });
    assertIssuePaths(conditional, payload, ["kind", "id", "ids[0].id"]);
  });
  await t.step("a null-prototype array as the payload is invalid", () => {
    assert.throws(
      () => validatePayload(fields, nullPrototypeArray([1])),
      PayloadValidationError,
    );
  });
});

Deno.test("an array item that resolves to nothing is dropped with a warning", async (t) => {
  const fields: InputFields = {
    emails: { label: "Emails", type: "string", multiple: true },
  };
  const { send, sent } = acme(fields, {
    emails: [{ "@path": "$.properties.a" }, { "@path": "$.properties.b" }],
  });
  const [result] = await send({ a: "a@b.co" });

  await t.step("the event is delivered with the items that resolved", () => {
    assert.equal(result.status, "delivered");
    assert.deepEqual(sent, [{ emails: ["a@b.co"] }]);
  });
  await t.step("the removal is a warning naming the item", () => {
    assert.deepEqual(result.warnings, [{
      path: "emails[1]",
      message: "removed: item that resolved to nothing",
      kind: "removed",
    }]);
  });
});
