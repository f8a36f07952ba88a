// `deno task serve --segment`: Segment's compiled destinations listed in the tester beside
// the local ones and run through the drop-in, tested through the tester's HTTP API on a
// package laid out as npm installs @segment/action-destinations (no network: dry run).
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTester, type Tester } from "../serve.ts";
import { callTester } from "../_testing.ts";
import { resolveSegmentDestinations } from "./segment_package.ts";

const FIXTURE = fileURLToPath(
  new URL("./testdata/compiled_destination.js", import.meta.url),
);

/** A node_modules folder with @segment/action-destinations holding the compiled fixture. */
async function createSegmentPackage(): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "destkit-segment-" });
  const modules = join(root, "node_modules");
  const folder = join(
    modules,
    "@segment/action-destinations/dist/destinations/compiled-example",
  );
  await Deno.mkdir(folder, { recursive: true });
  await Deno.writeTextFile(
    join(folder, "index.js"),
    `module.exports = require(${JSON.stringify(FIXTURE)});\n`,
  );
  return root;
}

async function api(tester: Tester, path: string, body?: unknown) {
  const response = await callTester(tester, path, body);
  return { status: response.status, body: await response.json() };
}

Deno.test("serve --segment lists and runs Segment's compiled destinations through the drop-in", async (t) => {
  const root = await createSegmentPackage();
  const tester = startTester({
    port: 0,
    check: false,
    directory: join(root, "destinations"),
    segment: join(root, "node_modules"),
  });
  await Deno.mkdir(join(root, "destinations/local-one"), { recursive: true });
  await Deno.writeTextFile(
    join(root, "destinations/local-one/index.ts"),
    'export default { name: "Local One", mode: "cloud", actions: {} };\n',
  );
  const event = {
    type: "track",
    event: "Signed Up",
    userId: "auth0|123",
    timestamp: "2024-05-01T10:00:00.000Z",
  };
  /** POST /api/run of `event` to the compiled example, with `changes` to that body. */
  const run = (changes: Record<string, unknown>) =>
    api(tester, "/api/run", {
      destination: "segment:compiled-example",
      event,
      ...changes,
    });
  try {
    await t.step(
      "lists it as segment:<slug> after the local ones, with its actions",
      async () => {
        const { status, body } = await api(tester, "/api/destinations");
        assert.equal(status, 200);
        assert.equal(body.live, false);
        assert.deepEqual(
          body.destinations.map((entry: { folder: string }) => entry.folder),
          ["local-one", "segment:compiled-example"],
        );
        const listed = body.destinations[1];
        assert.equal(listed.folder, "segment:compiled-example");
        assert.equal(listed.name, "Compiled Example");
        assert.equal(listed.mode, "cloud");
        assert.deepEqual(Object.keys(listed.actions), ["send"]);
        assert.equal(listed.actions.send.defaultSubscription, 'type = "track"');
      },
    );
    await t.step(
      "runs the default subscriptions, dry: the request is recorded",
      async () => {
        const { status, body } = await run({});
        assert.equal(status, 200, JSON.stringify(body));
        assert.equal(body.requests.length, 1);
        const [request] = body.requests;
        assert.equal(request.method, "POST");
        assert.equal(request.url, "https://api.example.test/events");
        assert.equal(request.body, '{"name":"Signed Up"}');
        assert.equal(request.headers["user-agent"], "Segment (Actions)");
        // Segment's result array for one subscription: mapping, validation, the action's output.
        assert.deepEqual(
          body.results.map((result: { output?: string }) => result.output),
          ["Mappings resolved", "Payload validated", "Action Executed"],
        );
      },
    );
    await t.step(
      "runs one action with a mapping and shows the payload",
      async () => {
        const { status, body } = await run({
          action: "send",
          mapping: { name: { "@path": "$.userId" } },
        });
        assert.equal(status, 200, JSON.stringify(body));
        assert.deepEqual(body.payload, { name: "auth0|123" });
        assert.equal(body.requests[0].body, '{"name":"auth0|123"}');
      },
    );
    await t.step(
      "a payload Segment rejects answers with Segment's error",
      async () => {
        const { status, body } = await run({ action: "send", mapping: {} });
        assert.equal(status, 500);
        assert.equal(body.stage, "run");
        assert.equal(
          body.error,
          "AggregateAjvError: The root value is missing the required field 'name'.",
        );
        assert.deepEqual(body.requests, []);
      },
    );
    await t.step(
      "an unknown Segment destination is a 400 naming the known ones",
      async () => {
        const { status, body } = await run({ destination: "segment:nope" });
        assert.equal(status, 400);
        assert.match(
          body.error,
          /Cannot find destination "segment:nope".*known: segment:compiled-example/,
        );
      },
    );
  } finally {
    await tester.shutdown();
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("resolveSegmentDestinations() takes a node_modules folder or the package folder", async (t) => {
  const root = await createSegmentPackage();
  const destinations = join(
    root,
    "node_modules/@segment/action-destinations/dist/destinations",
  );
  try {
    await t.step("the node_modules folder", () => {
      assert.equal(
        resolveSegmentDestinations(join(root, "node_modules")),
        destinations,
      );
    });
    await t.step("the package folder", () => {
      assert.equal(
        resolveSegmentDestinations(
          join(root, "node_modules/@segment/action-destinations"),
        ),
        destinations,
      );
    });
    await t.step("a folder without the package is an error naming it", () => {
      assert.throws(
        () => resolveSegmentDestinations(root),
        {
          message:
            `Cannot find @segment/action-destinations in "${root}": pass its node_modules folder or the package's folder`,
        },
      );
      assert.throws(
        () => startTester({ port: 0, segment: root }),
        /Cannot find @segment\/action-destinations/,
      );
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
