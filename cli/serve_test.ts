import assert from "node:assert/strict";
import { join } from "node:path";
import { runAction } from "./action.ts";
import { runInit } from "./init.ts";
import { startTester } from "./serve.ts";
import { createWorkspace } from "./_testing.ts";

Deno.test("deno task serve answers its API on 127.0.0.1", async (t) => {
  const root = await createWorkspace();
  const directory = join(root, "destinations");
  const server = startTester({ port: 0, directory });
  const base = `http://127.0.0.1:${server.addr.port}`;
  try {
    await runInit({ name: "Acme", template: "custom", yes: true, directory });
    await runAction({
      name: "track",
      type: "server",
      destination: "actions-acme",
      directory,
    });
    const event = {
      type: "track",
      event: "Order Completed",
      userId: "user-1",
      properties: { total: 42 },
    };

    await t.step("GET / is the tester page", async () => {
      const response = await fetch(`${base}/`);
      assert.equal(
        response.headers.get("content-type"),
        "text/html; charset=utf-8",
      );
      assert.match(await response.text(), /<title>destkit tester<\/title>/);
    });

    await t.step(
      "GET /api/destinations lists destinations with their actions",
      async () => {
        const body = await (await fetch(`${base}/api/destinations`)).json();
        assert.equal(body.live, false);
        assert.equal(body.destinations[0].slug, "actions-acme");
        assert.equal(body.destinations[0].actions.track.title, "Track");
      },
    );

    await t.step(
      "POST /api/run with an action returns the payload, the requests and the result",
      async () => {
        const response = await fetch(`${base}/api/run`, {
          method: "POST",
          body: JSON.stringify({
            destination: "actions-acme",
            action: "track",
            settings: { apiKey: "k-1" },
            event,
          }),
        });
        const body = await response.json();
        assert.equal(response.status, 200);
        assert.deepEqual(body.payload, {
          userId: "user-1",
          event: "Order Completed",
          properties: { total: 42 },
        });
        assert.equal(body.results[0].status, "delivered");
        const [request] = body.results[0].requests;
        assert.equal(request.method, "POST");
        assert.equal(request.url, "https://api.example.com/v1/track");
      },
    );

    await t.step(
      "POST /api/run without an action runs the default subscriptions",
      async () => {
        const body = await (await fetch(`${base}/api/run`, {
          method: "POST",
          body: JSON.stringify({
            destination: "actions-acme",
            settings: { apiKey: "k-1" },
            event,
          }),
        })).json();
        assert.deepEqual(
          body.results.map((result: { status: string }) => result.status),
          ["delivered"],
        );
      },
    );

    await t.step("an unknown destination is a 400 naming it", async () => {
      const response = await fetch(`${base}/api/run`, {
        method: "POST",
        body: JSON.stringify({ destination: "nope", event }),
      });
      assert.equal(response.status, 400);
      assert.match(
        (await response.json()).error,
        /Cannot find destination "nope"/,
      );
    });
  } finally {
    await server.shutdown();
    await Deno.remove(root, { recursive: true });
  }
});
