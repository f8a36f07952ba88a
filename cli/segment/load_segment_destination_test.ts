import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as actionsCore from "../../core/segment/actions_core.ts";
import {
  loadSegmentDestination,
  uninstallSegmentDropIns,
} from "./load_segment_destination.ts";

// A compiled destination in the shape tsc gives Segment's packages, and a shared package that
// requires actions-core from its own node_modules folder.
const SHARED = `"use strict";
const core = require("@segment/actions-core");
exports.sharedError = () => new core.IntegrationError("Shared", "SHARED", 418);
exports.Destination = core.Destination;
`;
const DESTINATION = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const actions_core_1 = require("@segment/actions-core");
const kit = require("@segment/actions-core/destination-kit");
const shared = require("@segment/actions-shared");
const destination = {
  name: "Loaded",
  mode: "cloud",
  actions: {
    send: {
      title: "Send",
      description: "Sends",
      defaultSubscription: 'type = "track"',
      fields: { n: { label: "N", description: "Name", type: "string", default: { "@path": "$.event" } } },
      perform: (request, { payload }) => {
        if (payload.n === "fail") throw shared.sharedError();
        return request("https://api.loaded.test/x", { method: "post", json: (0, actions_core_1.omit)(payload, []) });
      },
    },
  },
};
exports.default = destination;
exports.seen = [actions_core_1.Destination, kit.Destination, shared.Destination];
`;

async function writeFixture(root: string): Promise<string> {
  const shared = join(root, "node_modules", "@segment", "actions-shared");
  await Deno.mkdir(shared, { recursive: true });
  await Deno.writeTextFile(
    join(shared, "package.json"),
    JSON.stringify({ name: "@segment/actions-shared", main: "index.js" }),
  );
  await Deno.writeTextFile(join(shared, "index.js"), SHARED);
  const file = join(root, "dist", "loaded", "index.js");
  await Deno.mkdir(join(root, "dist", "loaded"), { recursive: true });
  await Deno.writeTextFile(file, DESTINATION);
  return file;
}

Deno.test("loadSegmentDestination() gives compiled code the drop-in", async (t) => {
  const root = await Deno.makeTempDir();
  try {
    const file = await writeFixture(root);
    const definition = loadSegmentDestination(file) as Record<string, unknown>;
    // The module is cached: requiring it again returns what the first load produced.
    const seen = createRequire(file)(file).seen as unknown[];

    await t.step("every require of actions-core got the drop-in", () => {
      assert.deepEqual(seen, [
        actionsCore.Destination,
        actionsCore.Destination,
        actionsCore.Destination,
      ]);
    });
    await t.step(
      "the definition runs on the drop-in's Destination",
      async () => {
        const sent: string[] = [];
        const fetch = (url: string, init: RequestInit) => {
          sent.push(`${init.method} ${url} ${init.body}`);
          return Promise.resolve(Response.json({ ok: true }));
        };
        const destination = new actionsCore.Destination(definition as never, {
          fetch,
        });
        const subscriptions = [{
          partnerAction: "send",
          subscribe: 'type = "track"',
          mapping: { n: { "@path": "$.event" } },
        }];
        const results = await destination.onEvent({
          type: "track",
          event: "Hi",
        }, { subscriptions });
        assert.deepEqual(results.at(-1), {
          data: { ok: true },
          output: "Action Executed",
        });
        assert.deepEqual(sent, ['POST https://api.loaded.test/x {"n":"Hi"}']);
        await assert.rejects(
          destination.onEvent({ type: "track", event: "fail" }, {
            subscriptions,
          }),
          (error: Error & { code?: string; status?: number }) => {
            assert.ok(error instanceof actionsCore.IntegrationError);
            assert.deepEqual([error.message, error.code, error.status], [
              "Shared",
              "SHARED",
              418,
            ]);
            return true;
          },
        );
      },
    );
  } finally {
    uninstallSegmentDropIns();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("loadSegmentDestination() reports a missing file", () => {
  try {
    assert.throws(
      () => loadSegmentDestination("/nonexistent/destination/index.js"),
      /Cannot find module/,
    );
  } finally {
    uninstallSegmentDropIns();
  }
});
