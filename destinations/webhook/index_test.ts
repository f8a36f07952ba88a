import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import {
  assertActionSnapshot,
  createTestEvent,
  createTestIntegration,
} from "@destkit/test";
import destination from "./index.ts";

const url = "https://example.com";
const sharedSecret = "abc123";

function sign(body: string): string {
  return createHmac("sha1", sharedSecret).update(body).digest("hex");
}

Deno.test("webhook send: delivers one event", async (t) => {
  await t.step("default mapping: POSTs the whole event", async () => {
    const integration = createTestIntegration(destination);
    const event = createTestEvent();
    integration.intercept(url).post("/", event).reply(200);

    const result = await integration.testAction("send", {
      event,
      mapping: { url },
      useDefaultMappings: true,
    });

    assert.equal(result.status, "delivered");
    assert.equal(result.requests.length, 1);
    assert.equal(result.requests[0].headers["x-signature"], undefined);
  });

  await t.step("custom method, headers and data", async () => {
    const integration = createTestIntegration(destination);
    const data = { cool: true };
    integration.intercept("https://example.build").put("/", data).matchHeader(
      "Custom-Header",
      "Custom-Value",
    )
      .reply(200);

    const result = await integration.testAction("send", {
      mapping: {
        url: "https://example.build",
        method: "PUT",
        headers: { "Custom-Header": "Custom-Value" },
        data,
      },
    });

    assert.equal(result.status, "delivered");
  });

  await t.step("signs the body with the shared secret", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(url).post("/", { cool: true }).reply((request) =>
      request.headers["x-signature"] === sign(request.body ?? "")
        ? [200, "OK"]
        : [400, "Invalid signature"]
    );

    const result = await integration.testAction("send", {
      event: createTestEvent({ properties: { cool: true } }),
      mapping: { url, data: { "@path": "$.properties" } },
      settings: { sharedSecret },
      useDefaultMappings: true,
    });

    assert.equal(result.status, "delivered");
  });
});

Deno.test("webhook send: rejects payloads before sending", async (t) => {
  const cases = [
    { name: "missing url", mapping: {}, path: "url" },
    {
      name: "url that is not a URI",
      mapping: { url: "not a url" },
      path: "url",
    },
    {
      name: "method outside the choices",
      mapping: { url, method: "DELETE" },
      path: "method",
    },
    {
      name: "header value that is not ASCII",
      mapping: { url, headers: { "Custom-Header": "هيثم" } },
      path: "headers",
    },
  ];
  for (const { name, mapping, path } of cases) {
    await t.step(name, async () => {
      const integration = createTestIntegration(destination);
      const result = await integration.testAction("send", {
        mapping,
        useDefaultMappings: true,
      });

      assert.equal(result.status, "invalid");
      assert.equal(result.error?.code, "PAYLOAD_VALIDATION_FAILED");
      assert.equal(result.error?.retryable, false);
      assert.ok(result.error?.message.includes(path), result.error?.message);
      assert.equal(result.requests.length, 0);
    });
  }
});

Deno.test("webhook send: partner errors become typed results", async (t) => {
  const cases = [
    { status: 400, retryable: false },
    { status: 401, retryable: false },
    { status: 429, retryable: true },
    { status: 500, retryable: true },
  ];
  for (const { status, retryable } of cases) {
    await t.step(`${status}`, async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(url).post("/").reply(status, { error: "nope" });

      const result = await integration.testAction("send", {
        mapping: { url },
        useDefaultMappings: true,
      });

      assert.equal(result.status, "failed");
      assert.equal(result.error?.status, status);
      assert.equal(result.error?.retryable, retryable);
    });
  }
});

Deno.test("webhook send: batches", async (t) => {
  const events = [
    createTestEvent({ properties: { cool: false } }),
    createTestEvent({ properties: { cool: true } }),
  ];
  const mapping = { url, data: { "@path": "$.properties" } };

  await t.step(
    "sends the data of every event in one request, signed",
    async () => {
      const integration = createTestIntegration(destination);
      const body = [{ cool: false }, { cool: true }];
      integration.intercept(url).post("/", body).reply((request) =>
        request.headers["x-signature"] === sign(request.body ?? "")
          ? [200, "OK"]
          : [400, "Invalid signature"]
      );

      const { results, requests } = await integration.testBatchAction("send", {
        events,
        mapping,
        settings: { sharedSecret },
        useDefaultMappings: true,
      });

      assert.deepEqual(results.map((result) => result.status), [
        "delivered",
        "delivered",
      ]);
      assert.equal(requests.length, 1);
    },
  );

  await t.step("a 503 fails every event, retryably", async () => {
    const integration = createTestIntegration(destination);
    integration.intercept(url).post("/").reply(503);

    const { results } = await integration.testBatchAction("send", {
      events,
      mapping,
      useDefaultMappings: true,
    });

    assert.deepEqual(
      results.map((result) => [result.status, result.error?.retryable]),
      [
        ["failed", true],
        ["failed", true],
      ],
    );
  });

  await t.step(
    "an invalid event is reported; the others are sent",
    async () => {
      const integration = createTestIntegration(destination);
      integration.intercept(url).post("/", [{ target: url }]).reply(200);

      const { results, requests } = await integration.testBatchAction("send", {
        events: [
          createTestEvent({ properties: { target: "not a url" } }),
          createTestEvent({ properties: { target: url } }),
        ],
        mapping: {
          url: { "@path": "$.properties.target" },
          data: { "@path": "$.properties" },
        },
        useDefaultMappings: true,
      });

      assert.deepEqual(results.map((result) => result.status), [
        "invalid",
        "delivered",
      ]);
      assert.equal(results[0].error?.code, "PAYLOAD_VALIDATION_FAILED");
      assert.equal(requests.length, 1);
    },
  );

  await t.step("batch keys default to url, method and headers", () => {
    assert.deepEqual(destination.actions.send.fields.batch_keys.default, [
      "url",
      "method",
      "headers",
    ]);
  });
});

Deno.test("webhook send: request snapshot", async (t) => {
  await assertActionSnapshot(t, destination, "send");
  await assertActionSnapshot(t, destination, "send", { requiredOnly: true });
});

Deno.test("webhook send: payload and settings types come from the fields", () => {
  type Input = Parameters<typeof destination.actions.send.perform>[1];
  const ok: Input["payload"] = { url, method: "PUT", headers: { a: "b" } };
  // @ts-expect-error: DELETE is not one of the method choices
  const wrongMethod: Input["payload"] = { url, method: "DELETE" };
  // @ts-expect-error: url is required
  const noUrl: Input["payload"] = { method: "POST" };
  // @ts-expect-error: there is no setting "sharedSecrett"
  const misspelt: Input["settings"] = { sharedSecrett: "x" };
  assert.deepEqual([ok.method, wrongMethod.method, noUrl.method, misspelt], [
    "PUT",
    "DELETE",
    "POST",
    { sharedSecrett: "x" },
  ]);
});
