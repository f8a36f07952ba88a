// Issue 13, items 1 and 2 through a destination: a host sets the mapping budgets once.
import assert from "node:assert/strict";
import { createDestination, defineDestination } from "@destkit/core";

const definition = defineDestination({
  name: "Budgets",
  mode: "cloud",
  actions: {
    send: {
      title: "Send",
      fields: { text: { label: "Text", type: "string" } },
      perform: () => ({ sent: true }),
    },
  },
});

const fetch = () => Promise.reject(new Error("no request expected"));

function subscription(mapping: Record<string, unknown>) {
  return {
    subscriptions: [{
      subscribe: 'type = "track"',
      partnerAction: "send",
      mapping,
    }],
  };
}

Deno.test("createDestination() runs mappings under the host's budgets", async (t) => {
  const mapping = {
    text: {
      "@replace": {
        pattern: "a",
        replacement: "$&$&$&$&",
        value: { "@path": "$.properties.s" },
      },
    },
  };
  const event = { type: "track", properties: { s: "a".repeat(1_000) } };

  await t.step(
    "within the default budgets the event is delivered",
    async () => {
      const [result] = await createDestination(definition, { fetch }).onEvent(
        event,
        subscription(mapping),
      );
      assert.equal(result.status, "delivered");
    },
  );
  await t.step(
    "past a lower maxOutputSize the event fails, typed and not retryable",
    async () => {
      const destination = createDestination(definition, {
        fetch,
        mappingBudgets: { maxOutputSize: 2_000 },
      });
      const [result] = await destination.onEvent(event, subscription(mapping));
      assert.equal(result.status, "failed");
      assert.equal(result.error?.code, "MAPPING_BUDGET_EXCEEDED");
      assert.equal(result.error?.retryable, false);
      assert.match(result.error?.message ?? "", /maxOutputSize/);
    },
  );
  await t.step(
    "a budget that is not a positive whole number is refused at once",
    () => {
      assert.throws(
        () =>
          createDestination(definition, { mappingBudgets: { maxWork: -1 } }),
        RangeError,
      );
    },
  );
});
