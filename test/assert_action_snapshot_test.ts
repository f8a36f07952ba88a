import assert from "node:assert/strict";
import { defineDestination } from "@destkit/core";
import { assertActionSnapshot } from "@destkit/test";

const SECRET = "sk_snapshot S3CR3T/42";
const TOKEN = "at-snapshot-0123";

const destination = defineDestination({
  name: "Snapshot Secrets",
  mode: "cloud",
  authentication: {
    scheme: "oauth2",
    fields: { apiKey: { label: "API key", type: "password", required: true } },
  },
  extendRequest: ({ settings, auth }) => ({
    headers: {
      "x-api-key": settings.apiKey,
      authorization: `Bearer ${auth?.accessToken}`,
      "x-signed": `v1 ${settings.apiKey}`,
    },
  }),
  actions: {
    send: {
      title: "Send",
      fields: { n: { label: "N", type: "integer", required: true } },
      perform: (request, { settings, payload }) =>
        request(`https://api.acme.test/v1/${settings.apiKey}/send`, {
          method: "post",
          searchParams: { key: settings.apiKey },
          json: { n: payload.n, apiKey: settings.apiKey },
        }),
    },
  },
});

Deno.test("assertActionSnapshot() writes no secret", async () => {
  const dir = await Deno.makeTempDir();
  const origin = new URL(`file://${dir}/example_test.ts`).href;
  const t = {
    name: "send",
    origin,
    parent: undefined,
  } as unknown as Deno.TestContext;
  try {
    await assertActionSnapshot(t, destination, "send", {
      settings: { apiKey: SECRET },
      auth: { accessToken: TOKEN },
      update: true,
    });
    const text = await Deno.readTextFile(
      `${dir}/__snapshots__/example_test.ts.snap`,
    );
    assert.ok(!text.includes("S3CR3T"), text);
    assert.ok(!text.includes(TOKEN), text);
    assert.match(
      text,
      /"url": "https:\/\/api\.acme\.test\/v1\/\[redacted\]\/send\?key=\[redacted\]"/,
    );
    assert.match(text, /"x-api-key": "\[redacted\]"/);
    assert.match(text, /"x-signed": "v1 \[redacted\]"/);
    assert.match(text, /"apiKey": "\[redacted\]"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
