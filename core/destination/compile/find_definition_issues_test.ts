import assert from "node:assert/strict";
import { createDestination } from "@destkit/core";
import { findDefinitionIssues } from "@destkit/core/tooling";

function perform() {}

const broken = {
  name: "Acme",
  actions: {
    track: {
      title: "Track",
      description: "Sends a track",
      fields: { on: { label: "On", type: "boolean", minimum: 1 } },
      defaultSubscription: "type =",
      perform,
    },
    identify: { title: "Identify", description: "", fields: {} },
  },
  authentication: { scheme: "custom", testAuthentication: "yes" },
  presets: [
    {
      name: "Gone",
      subscribe: 'type = "track"',
      partnerAction: "nope",
      type: "automatic",
    },
    {
      name: "Broken",
      subscribe: "type = ",
      partnerAction: "identify",
      mapping: { a: { "@path": 3 } },
      type: "automatic",
    },
  ],
};

Deno.test("findDefinitionIssues() lists every mistake; createDestination throws the first", async (t) => {
  const issues = findDefinitionIssues(broken);

  await t.step("each issue names its path, action, field or preset", () => {
    assert.deepEqual(issues.map((issue) => issue.path), [
      "actions.track.fields.on",
      "actions.track.defaultSubscription",
      "actions.identify.perform",
      "authentication.testAuthentication",
      "presets[0].partnerAction",
      "presets[1].subscribe",
      "presets[1].mapping",
    ]);
    assert.equal(issues[0].action, "track");
    assert.equal(issues[0].field, "on");
    assert.equal(issues[4].preset, 0);
    assert.ok(issues.every((issue) => issue.destination === "Acme"));
    assert.match(
      issues[5].message,
      /preset "Broken" has an invalid subscribe query: Cannot parse/,
    );
    assert.match(issues[5].reason, /^Cannot parse subscription query/);
    assert.equal(issues[4].reason, 'names an unknown action "nope"');
  });

  await t.step(
    "createDestination throws the first, same class and message",
    () => {
      assert.throws(
        () => createDestination(broken as never),
        (error: Error) =>
          error instanceof issues[0].error &&
          error.message === issues[0].message,
      );
    },
  );

  await t.step("without the first, it throws the next", () => {
    const next = {
      ...broken,
      actions: {
        ...broken.actions,
        track: { ...broken.actions.track, fields: {} },
      },
    };
    const [first] = findDefinitionIssues(next);
    assert.equal(first.path, "actions.track.defaultSubscription");
    assert.throws(() => createDestination(next as never), {
      name: "TypeError",
      message: first.message,
    });
  });

  await t.step(
    "a broken field default is one issue, not again at a preset that takes it",
    () => {
      const issues = findDefinitionIssues({
        name: "Acme",
        actions: {
          track: {
            fields: {
              n: { label: "N", type: "string", default: { "@path": 5 } },
            },
            perform,
          },
        },
        presets: [{
          name: "Track",
          subscribe: 'type = "track"',
          partnerAction: "track",
          type: "automatic",
        }],
      });
      assert.deepEqual(issues.map((issue) => issue.path), [
        "actions.track.fields",
      ]);
    },
  );

  await t.step("a sound definition has none", () => {
    assert.deepEqual(
      findDefinitionIssues({ name: "Ok", actions: { a: { perform } } }),
      [],
    );
  });

  await t.step("what is not a definition is one issue", () => {
    const [issue] = findDefinitionIssues(null);
    assert.equal(issue.path, "");
    assert.match(issue.message, /^Cannot create destination: expected/);
  });
});
