import assert from "node:assert/strict";
import { createDestination } from "@destkit/core";
import { createPartner } from "../_test_partner.ts";
import { acme, API } from "./_test_fixtures.ts";

Deno.test("testAuthentication() validates settings, then runs the definition's test", async (t) => {
  const partner = createPartner((request) =>
    request.headers.get("authorization") === "Bearer good"
      ? Response.json({ name: "Ada" })
      : Response.json({ error: "unknown key" }, { status: 401 })
  );
  const destination = createDestination(acme, { fetch: partner.fetch });
  const cases = [
    {
      name: "good credentials",
      settings: { apiKey: "good" },
      expected: { ok: true, output: { name: "Ada" } },
    },
    {
      name: "rejected credentials",
      settings: { apiKey: "bad" },
      expected: {
        ok: false,
        error: {
          message:
            `Credentials are invalid: Cannot send GET ${API}/me: received status 401`,
          code: "HTTP_ERROR",
          status: 401,
          retryable: false,
        },
      },
    },
  ];
  for (const { name, settings, expected } of cases) {
    await t.step(name, async () => {
      assert.deepEqual(
        await destination.testAuthentication(settings),
        expected,
      );
    });
  }
  await t.step(
    "settings that do not fit the fields, without a request",
    async () => {
      const before = partner.seen.length;
      const result = await destination.testAuthentication(
        {} as { apiKey: string },
      );
      assert.equal(result.ok, false);
      assert.equal(result.error?.code, "INVALID_SETTINGS");
      assert.equal(partner.seen.length, before);
    },
  );
  await t.step("no test defined: ok", async () => {
    const bare = createDestination({
      name: "Bare",
      mode: "cloud",
      actions: {},
    });
    assert.deepEqual(await bare.testAuthentication({}), { ok: true });
  });
  await t.step("recorded requests on demand", async () => {
    const result = await destination.testAuthentication({ apiKey: "good" }, {
      recordRequests: true,
    });
    assert.deepEqual(
      result.requests?.map((
        request,
      ) => [request.method, request.url, request.status]),
      [
        ["GET", `${API}/me`, 200],
      ],
    );
  });
});

Deno.test("onDelete() runs the definition's onDelete with userId and anonymousId", async (t) => {
  const partner = createPartner(() => new Response(null, { status: 204 }));
  const destination = createDestination(acme, { fetch: partner.fetch });
  await t.step("delivered", async () => {
    const result = await destination.onDelete({
      userId: "u1",
      anonymousId: "a1",
    }, { apiKey: "k" });
    assert.equal(result.status, "delivered");
    assert.deepEqual(
      partner.seen.map((request) => [request.method, request.url]),
      [["DELETE", `${API}/users/u1`]],
    );
  });
  await t.step("skipped when the destination defines none", async () => {
    const bare = createDestination({
      name: "Bare",
      mode: "cloud",
      actions: {},
    });
    assert.deepEqual(await bare.onDelete({ userId: "u1" }, {}), {
      status: "skipped",
      warnings: [],
    });
  });
  await t.step("failed with invalid settings", async () => {
    const result = await destination.onDelete(
      { userId: "u1" },
      {} as { apiKey: string },
    );
    assert.equal(result.error?.code, "INVALID_SETTINGS");
  });
});
