import assert from "node:assert/strict";
import {
  type CompletionInfo,
  createDestination,
  type DestinationDefinition,
  IntegrationError,
  type Logger,
} from "@destkit/core";
import { createPartner } from "../_test_partner.ts";
import { acme, API, IDENTIFY, TRACK } from "./_test_fixtures.ts";

const SETTINGS = { apiKey: "sk_1", subscriptions: [TRACK, IDENTIFY] };

Deno.test("createDestination() rejects a malformed definition, naming what is wrong", async (t) => {
  const perform = () => null;
  /** A definition "X" with no actions, plus `rest`. */
  function definitionWith(rest: object) {
    return { name: "X", mode: "cloud", actions: {}, ...rest };
  }
  /** A definition "X" whose one action "a" is a valid action changed by `rest`. */
  function actionWith(rest: object) {
    return definitionWith({
      actions: { a: { title: "A", fields: {}, perform, ...rest } },
    });
  }
  const cases: { name: string; definition: unknown; message: RegExp }[] = [
    {
      name: "no name",
      definition: { mode: "cloud", actions: {} },
      message: /"name" must be a non-empty string/,
    },
    {
      name: "device mode",
      definition: definitionWith({ mode: "device" }),
      message: /Cannot create destination "X": mode "device" is not "cloud"/,
    },
    {
      name: "no actions",
      definition: { name: "X", mode: "cloud" },
      message: /"actions" must be an object/,
    },
    {
      name: "an action without perform",
      definition: definitionWith({
        actions: { a: { title: "A", fields: {} } },
      }),
      message: /action "a" has no perform function/,
    },
    {
      name: "a defaultSubscription that does not parse",
      definition: actionWith({ defaultSubscription: 'type = "track" and' }),
      message:
        /action "a" has an invalid defaultSubscription: Cannot parse subscription query/,
    },
    {
      name: "a field default that is not a valid mapping",
      definition: actionWith({
        fields: { f: { label: "F", type: "string", default: { "@path": 5 } } },
      }),
      message: /action "a" has an invalid field default/,
    },
    {
      name: "a field of an unknown type",
      definition: actionWith({ fields: { f: { label: "F", type: "strin" } } }),
      message: /strin/,
    },
    {
      name: "a preset for an unknown action",
      definition: definitionWith({
        presets: [{
          name: "P",
          subscribe: 'type = "track"',
          partnerAction: "nope",
          type: "automatic",
        }],
      }),
      message: /preset "P" names an unknown action "nope"/,
    },
    {
      name: "refreshAccessToken without oauth",
      definition: definitionWith({
        authentication: {
          scheme: "custom",
          fields: {},
          refreshAccessToken: () => ({ accessToken: "a" }),
        },
      }),
      message:
        /refreshAccessToken needs the "oauth2" or "oauth-managed" scheme/,
    },
    {
      name: "an unknown scheme",
      definition: definitionWith({
        authentication: { scheme: "token", fields: {} },
      }),
      message: /authentication scheme "token" is not one of/,
    },
  ];
  for (const { name, definition, message } of cases) {
    await t.step(name, () => {
      assert.throws(
        () => createDestination(definition as DestinationDefinition),
        (error) => {
          assert.ok(error instanceof TypeError, String(error));
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

Deno.test("onEvent() returns one result per subscription, in order", async (t) => {
  const partner = createPartner(() => Response.json({ id: "evt_1" }));
  const destination = createDestination(acme, { fetch: partner.fetch });
  const disabled = { ...IDENTIFY, name: "Disabled", enabled: false };
  const settings = {
    apiKey: "sk_1",
    subscriptions: [TRACK, IDENTIFY, disabled],
  };
  const results = await destination.onEvent({
    type: "track",
    event: "Signed Up",
    properties: { count: "3" },
  }, settings);

  await t.step("delivered, unmatched, skipped", () => {
    assert.deepEqual(
      results.map((
        result,
      ) => [result.status, result.action, result.subscription]),
      [
        ["delivered", "track", "Track"],
        ["unmatched", "identify", "Identify"],
        ["skipped", "identify", "Disabled"],
      ],
    );
  });
  await t.step(
    "the delivered result has the response body and the coercion warning",
    () => {
      assert.deepEqual(results[0].output, { id: "evt_1" });
      assert.deepEqual(results[0].warnings, [{
        path: "count",
        message: 'coerced "3" to 3',
        kind: "coerced",
      }]);
      assert.equal(results[0].requests, undefined);
    },
  );
  await t.step(
    "one request with extendRequest's header and the validated payload",
    () => {
      assert.equal(partner.seen.length, 1);
      assert.equal(partner.seen[0].url, `${API}/track`);
      assert.equal(partner.seen[0].headers.get("authorization"), "Bearer sk_1");
      assert.deepEqual(partner.seen[0].body, { name: "Signed Up", count: 3 });
    },
  );
  await t.step(
    "`subscription` (singular) is used instead of `subscriptions`",
    async () => {
      const [result] = await destination.onEvent({
        type: "identify",
        userId: "u1",
      }, { apiKey: "k", subscription: IDENTIFY });
      assert.equal(result.status, "delivered");
    },
  );
  await t.step("no subscription gives one unmatched result", async () => {
    assert.deepEqual(
      await destination.onEvent({ type: "track" }, { apiKey: "k" }),
      [{
        status: "unmatched",
        warnings: [],
      }],
    );
  });
});

Deno.test("onEvent() reports what could not be delivered and whether to retry", async (t) => {
  const event = {
    type: "track",
    event: "Order Completed",
    properties: { count: 2 },
  };
  const cases: {
    name: string;
    reply?: () => Response;
    throws?: unknown;
    expected: {
      status: string;
      code: string;
      httpStatus: number;
      retryable: boolean;
      message?: RegExp;
    };
  }[] = [
    {
      name: "a 500 from the partner is retryable",
      reply: () => new Response("down", { status: 500 }),
      expected: {
        status: "failed",
        code: "HTTP_ERROR",
        httpStatus: 500,
        retryable: true,
        message: /received status 500/,
      },
    },
    {
      name: "a 400 from the partner is not",
      reply: () => Response.json({ error: "bad" }, { status: 400 }),
      expected: {
        status: "failed",
        code: "HTTP_ERROR",
        httpStatus: 400,
        retryable: false,
      },
    },
    {
      name: "a network failure is retryable",
      throws: new TypeError("error sending request: connection refused"),
      expected: {
        status: "failed",
        code: "NETWORK_ERROR",
        httpStatus: 503,
        retryable: true,
        message: /connection refused/,
      },
    },
  ];
  for (const { name, reply, throws, expected } of cases) {
    await t.step(name, async () => {
      const fetch = (_url: string, _init: RequestInit) =>
        throws === undefined
          ? Promise.resolve(reply!())
          : Promise.reject(throws);
      const destination = createDestination(acme, { fetch });
      const [result] = await destination.onEvent(event, {
        apiKey: "k",
        subscriptions: [TRACK],
      });
      assert.equal(result.status, expected.status);
      assert.equal(result.error?.code, expected.code);
      assert.equal(result.error?.status, expected.httpStatus);
      assert.equal(result.error?.retryable, expected.retryable);
      if (expected.message) {
        assert.match(result.error!.message, expected.message);
      }
    });
  }

  await t.step("a 429 with Retry-After gives retryAfterMs", async () => {
    const fetch = () =>
      Promise.resolve(
        new Response("", { status: 429, headers: { "retry-after": "7" } }),
      );
    const [result] = await createDestination(acme, { fetch }).onEvent(event, {
      apiKey: "k",
      subscriptions: [TRACK],
    });
    assert.deepEqual([
      result.error?.status,
      result.error?.retryable,
      result.error?.retryAfterMs,
    ], [429, true, 7000]);
  });

  await t.step(
    "errors thrown by perform keep their code; unknown errors are UNKNOWN_ERROR, 500",
    async () => {
      const throwing = (error: unknown) =>
        createDestination({
          name: "Thrower",
          mode: "cloud",
          actions: {
            go: {
              title: "Go",
              fields: {},
              perform: () => {
                throw error;
              },
            },
          },
        });
      const subscription = {
        subscribe: 'type = "track"',
        partnerAction: "go",
        mapping: {},
      };
      const [custom] = await throwing(
        new IntegrationError("List is archived", "LIST_ARCHIVED", 409),
      ).onEvent(event, {
        subscriptions: [subscription],
      });
      assert.deepEqual(custom.error, {
        message: "List is archived",
        code: "LIST_ARCHIVED",
        status: 409,
        retryable: false,
      });
      const [unknown] = await throwing(new Error("boom")).onEvent(event, {
        subscriptions: [subscription],
      });
      assert.deepEqual(unknown.error, {
        message: "boom",
        code: "UNKNOWN_ERROR",
        status: 500,
        retryable: true,
      });
    },
  );
});

Deno.test("onEvent() marks invalid payloads with every failing path and sends nothing", async () => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });
  const [result] = await destination.onEvent({
    type: "track",
    properties: { count: "many" },
  }, SETTINGS);
  assert.equal(result.status, "invalid");
  assert.equal(result.error?.code, "PAYLOAD_VALIDATION_FAILED");
  assert.equal(result.error?.retryable, false);
  assert.deepEqual(result.error?.issues?.map((issue) => issue.path).sort(), [
    "count",
    "name",
  ]);
  assert.equal(partner.seen.length, 0);
});

Deno.test("onEvent() reports subscriptions that cannot run", async (t) => {
  const destination = createDestination(acme, { fetch: createPartner().fetch });
  const cases = [
    {
      name: "an unknown action",
      subscription: { ...TRACK, partnerAction: "nope" },
      expected: {
        status: "failed",
        code: "UNKNOWN_ACTION",
        message:
          /Cannot run subscription "Track": destination "Acme" has no action "nope"/,
      },
    },
    {
      name: "a query that does not parse",
      subscription: { ...TRACK, subscribe: 'type = "track" or' },
      expected: {
        status: "misconfigured",
        code: "INVALID_SUBSCRIPTION",
        message:
          /Cannot run subscription "Track": Cannot parse subscription query .* at column 18/,
      },
    },
    {
      name: "a mapping that is not valid",
      subscription: { ...TRACK, mapping: { name: { "@path": 5 } } },
      expected: {
        status: "misconfigured",
        code: "INVALID_SUBSCRIPTION",
        message: /Cannot run subscription "Track": Invalid mapping/,
      },
    },
  ];
  for (const { name, subscription, expected } of cases) {
    await t.step(name, async () => {
      const [result] = await destination.onEvent(
        { type: "track", event: "E" },
        { apiKey: "k", subscriptions: [subscription] },
      );
      assert.equal(result.status, expected.status);
      assert.equal(result.error?.code, expected.code);
      assert.match(result.error!.message, expected.message);
    });
  }
});

Deno.test("onEvent() validates settings against the authentication fields before any action runs", async (t) => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });

  await t.step(
    "a missing and a wrong setting fail every subscription, with no request",
    async () => {
      const results = await destination.onEvent(
        { type: "track", event: "E" },
        {
          region: "mars",
          subscriptions: [TRACK, IDENTIFY],
        } as unknown as typeof SETTINGS,
      );
      assert.equal(results.length, 2);
      for (const result of results) {
        assert.equal(result.status, "failed");
        assert.equal(result.error?.code, "INVALID_SETTINGS");
        assert.equal(result.error?.retryable, false);
        assert.match(result.error!.message, /^Invalid settings: /);
        assert.deepEqual(
          result.error?.issues?.map((issue) => issue.path).sort(),
          ["apiKey", "region"],
        );
      }
      assert.equal(partner.seen.length, 0);
    },
  );

  await t.step("once per settings object, not per event", async () => {
    let checks = 0;
    const counted = createDestination({
      name: "Counted",
      mode: "cloud",
      authentication: {
        scheme: "custom",
        fields: {
          apiKey: {
            label: "Key",
            type: "string",
            required: true,
            schema: {
              "~standard": {
                version: 1,
                vendor: "test",
                validate: (value: unknown) => {
                  checks++;
                  return { value };
                },
              },
            },
          },
        },
      },
      actions: { a: { title: "A", fields: {}, perform: () => "done" } },
    });
    const settings = {
      apiKey: "k",
      subscriptions: [{
        subscribe: 'type = "track"',
        partnerAction: "a",
        mapping: {},
      }],
    };
    for (let i = 0; i < 5; i++) {
      const [result] = await counted.onEvent({ type: "track" }, settings);
      assert.equal(result.status, "delivered");
      assert.equal(result.output, "done");
    }
    assert.equal(checks, 1);
    await counted.onEvent({ type: "track" }, { ...settings });
    assert.equal(checks, 2);
  });
});

Deno.test("executeAction() runs one action with a mapping, by default the field defaults", async (t) => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });
  const event = {
    type: "identify",
    event: "Signed Up",
    userId: "u1",
    properties: { count: 1 },
  };

  await t.step("default mapping", async () => {
    const result = await destination.executeAction("track", {
      event,
      settings: { apiKey: "k" },
    });
    assert.equal(result.status, "delivered");
    assert.deepEqual(partner.seen.at(-1)?.body, {
      name: "Signed Up",
      count: 1,
    });
  });
  await t.step("an explicit mapping, no subscription query", async () => {
    const mapping = { name: { "@template": "{{event}}!" } };
    const result = await destination.executeAction("track", {
      event,
      mapping,
      settings: { apiKey: "k" },
    });
    assert.equal(result.status, "delivered");
    assert.deepEqual(partner.seen.at(-1)?.body, { name: "Signed Up!" });
  });
  await t.step("an unknown action", async () => {
    const result = await destination.executeAction("nope", {
      event,
      settings: { apiKey: "k" },
    });
    assert.equal(result.status, "failed");
    assert.equal(result.error?.code, "UNKNOWN_ACTION");
    assert.match(result.error!.message, /has actions "track", "identify"/);
  });
});

Deno.test("presets, defaultSubscription and field defaults give the subscriptions a new instance starts with", async (t) => {
  const partner = createPartner();
  const destination = createDestination(acme, { fetch: partner.fetch });

  await t.step(
    "presetSubscriptions() turns both kinds into subscriptions",
    () => {
      assert.deepEqual(destination.presetSubscriptions(), [
        { ...TRACK, name: "Track calls", enabled: true },
        {
          name: "Journey step",
          subscribe: 'event = "journeys_step_entered_track"',
          partnerAction: "track",
          mapping: { name: { "@path": "$.event" } },
          enabled: true,
        },
      ]);
    },
  );
  await t.step("defaultSubscriptions() has one per action", () => {
    assert.deepEqual(
      destination.defaultSubscriptions().map((
        { subscribe, partnerAction },
      ) => [subscribe, partnerAction]),
      [['type = "track"', "track"], ['type = "identify"', "identify"]],
    );
    assert.deepEqual(destination.defaultMapping("identify"), {
      userId: { "@path": "$.userId" },
    });
    assert.throws(() => destination.defaultMapping("nope"), RangeError);
  });
  await t.step("they run through onEvent", async () => {
    const settings = {
      apiKey: "k",
      subscriptions: destination.presetSubscriptions(),
    };
    const results = await destination.onEvent({
      type: "track",
      event: "journeys_step_entered_track",
    }, settings);
    assert.deepEqual(results.map((result) => result.status), [
      "delivered",
      "delivered",
    ]);
  });
});

Deno.test("onEvent() hooks: onComplete with stage timings, logger, AbortSignal, recorded requests", async (t) => {
  const partner = createPartner();
  await t.step("onComplete gets the result and a time per stage", async () => {
    const infos: CompletionInfo[] = [];
    const destination = createDestination(acme, {
      fetch: partner.fetch,
      onComplete: (info) => infos.push(info),
    });
    await destination.onEvent({ type: "track", event: "E" }, SETTINGS);
    assert.equal(infos.length, 2);
    const track = infos.find((info) => info.action === "track")!;
    const identify = infos.find((info) => info.action === "identify")!;
    assert.equal(track.destination, "Acme");
    assert.equal(track.kind, "event");
    assert.equal(track.action, "track");
    assert.equal(track.subscription, "Track");
    assert.equal(track.results[0].status, "delivered");
    assert.equal(identify.results[0].status, "unmatched");
    for (
      const stage of [
        "matchMs",
        "mapMs",
        "validateMs",
        "performMs",
        "totalMs",
      ] as const
    ) {
      assert.ok(track.timings[stage] >= 0, stage);
    }
    assert.ok(track.timings.totalMs >= track.timings.performMs);
  });
  await t.step(
    "the logger gets a warning per failure, and perform gets the logger",
    async () => {
      const lines: string[] = [];
      const logger: Logger = {
        warn: (message) => lines.push(message),
        debug: (message) => lines.push(message),
      };
      const destination = createDestination(acme, {
        fetch: partner.fetch,
        logger,
      });
      await destination.onEvent({ type: "track" }, {
        apiKey: "k",
        subscriptions: [TRACK],
      });
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^Event invalid: Invalid payload: name/);
    },
  );
  await t.step(
    "an aborted signal fails the event with ABORTED and sends nothing",
    async () => {
      const before = partner.seen.length;
      const destination = createDestination(acme, { fetch: partner.fetch });
      const controller = new AbortController();
      controller.abort();
      const [result] = await destination.onEvent(
        { type: "track", event: "E" },
        SETTINGS,
        { signal: controller.signal },
      );
      assert.equal(result.status, "failed");
      assert.equal(result.error?.code, "ABORTED");
      assert.equal(partner.seen.length, before);
    },
  );
  await t.step("recordRequests adds the requests to the result", async () => {
    const destination = createDestination(acme, { fetch: partner.fetch });
    const [result] = await destination.onEvent(
      { type: "track", event: "E" },
      SETTINGS,
      { recordRequests: true },
    );
    assert.deepEqual(result.requests, [{
      method: "POST",
      url: `${API}/track`,
      headers: {
        authorization: "Bearer sk_1",
        "content-type": "application/json",
        "user-agent": "Segment (Actions)",
      },
      body: '{"name":"E"}',
      json: { name: "E" },
      status: 200,
      response: {
        status: 200,
        headers: { "content-type": "application/json" },
        content: '{"ok":true}',
        data: { ok: true },
      },
    }]);
  });
});

Deno.test("onEvent() sends what extendRequest returns for each event, settings reused", async (t) => {
  const seen: string[] = [];
  const fetch = (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    seen.push(`${headers["x-user"]} ${headers["x-token"]}`);
    return Promise.resolve(Response.json({}));
  };
  let token = "t1";
  const definition: DestinationDefinition = {
    name: "Per Event",
    mode: "cloud",
    extendRequest: ({ payload }) => ({
      headers: {
        "X-User": String((payload as { user?: unknown }).user),
        "X-Token": token,
      },
    }),
    actions: {
      send: {
        title: "Send",
        fields: {
          user: { label: "User", type: "string", default: { "@path": "$.u" } },
        },
        perform: (request) => request("https://api.acme.test/t"),
      },
    },
  };
  const destination = createDestination(definition, { fetch });
  const settings = {
    subscriptions: [{
      subscribe: 'type = "track"',
      partnerAction: "send",
      mapping: { user: { "@path": "$.u" } },
    }],
  };
  // Each event is a track call from `user`; `token` changes the value outside first.
  const cases: Array<
    { name: string; user: string; token?: string; expected: string }
  > = [
    { name: "the first event", user: "a", expected: "a t1" },
    { name: "the same output again", user: "a", expected: "a t1" },
    {
      name: "a header that depends on the payload",
      user: "b",
      expected: "b t1",
    },
    {
      name: "a value that changed outside",
      user: "b",
      token: "t2",
      expected: "b t2",
    },
  ];
  for (const { name, user, token: next, expected } of cases) {
    await t.step(name, async () => {
      if (next !== undefined) token = next;
      const event = { type: "track", u: user };
      const [result] = await destination.onEvent(event, settings);
      assert.equal(result.status, "delivered");
      assert.equal(seen.at(-1), expected);
    });
  }
  await t.step(
    "one request per event",
    () => assert.equal(seen.length, cases.length),
  );
});
