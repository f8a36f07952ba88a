import assert from "node:assert/strict";
import type { Plugin as AnalyticsNextPlugin } from "@segment/analytics-next";
import {
  type BrowserAnalytics,
  type BrowserContext,
  type BrowserEvent,
  compileMapping,
  type Subscription,
} from "@destkit/core";
import {
  browserDestination,
  defineBrowserAction,
  defineBrowserDestination,
} from "./mod.ts";
import { defineLiquidWeb } from "./testdata/liquid-web/index.ts";

interface Client {
  calls: unknown[][];
  track(name: string, properties?: Record<string, unknown>): void;
}

const analytics: BrowserAnalytics = {
  user: () => ({ id: () => "u1", anonymousId: () => "a1", traits: () => ({}) }),
};

function createContext(
  event: BrowserEvent,
): BrowserContext & { logs: unknown[][] } {
  const logs: unknown[][] = [];
  return { event, logs, log: (...args) => logs.push(args) };
}

// A destination whose client records calls; `initialize` counts its runs and can be made to fail.
function createDestination(options: { failInit?: boolean } = {}) {
  const state = { initialized: 0, client: undefined as Client | undefined };
  const definition = defineBrowserDestination({
    name: "Acme Web",
    slug: "acme-web",
    mode: "device",
    settings: { appId: { label: "App ID", type: "string", required: true } },
    initialize: ({ settings }) => {
      state.initialized++;
      if (options.failInit) {
        return Promise.reject(
          new Error(`Cannot start Acme: app "${settings.appId}" is unknown`),
        );
      }
      const calls: unknown[][] = [];
      state.client = {
        calls,
        track: (...args) => calls.push(["track", ...args]),
      };
      return Promise.resolve(state.client);
    },
    actions: {
      track: {
        title: "Track",
        platform: "web",
        defaultSubscription: 'type = "track"',
        fields: {
          name: {
            label: "Name",
            type: "string",
            required: true,
            default: { "@path": "$.event" },
          },
          count: {
            label: "Count",
            type: "integer",
            default: { "@path": "$.properties.count" },
          },
        },
        perform: (client, { payload, settings }) => {
          if (payload.name === "explode") {
            throw new Error("Cannot track: the SDK threw");
          }
          client.track(payload.name, {
            count: payload.count,
            appId: settings.appId,
          });
        },
      },
      enrich: {
        title: "Enrich",
        platform: "web",
        lifecycleHook: "enrichment",
        fields: {},
        perform: (client) => client.track("enriched"),
      },
    },
  });
  return { state, factory: browserDestination(definition) };
}

const track: Subscription = {
  name: "Track",
  partnerAction: "track",
  subscribe: 'type = "track"',
  enabled: true,
};

Deno.test("browserDestination() builds one plugin per action with a subscription not switched off", async (t) => {
  const { factory } = createDestination();
  const cases: {
    name: string;
    subscriptions: Subscription[];
    expected: [string, string][];
  }[] = [
    { name: "no subscriptions", subscriptions: [], expected: [] },
    {
      name: "a disabled subscription",
      subscriptions: [{ ...track, enabled: false }],
      expected: [],
    },
    {
      name: "one action",
      subscriptions: [track],
      expected: [["Acme Web track", "destination"]],
    },
    {
      name: "a subscription without `enabled`, on as in cloud mode",
      subscriptions: [{ partnerAction: "track", subscribe: 'type = "track"' }],
      expected: [["Acme Web track", "destination"]],
    },
    {
      name: "two subscriptions of one action and an enrichment",
      subscriptions: [track, { ...track, subscribe: 'type = "page"' }, {
        partnerAction: "enrich",
        subscribe: 'type = "page"',
        enabled: true,
      }],
      expected: [["Acme Web track", "destination"], [
        "Acme Web enrich",
        "enrichment",
      ]],
    },
    {
      name: "an unknown action",
      subscriptions: [{ ...track, partnerAction: "nope" }],
      expected: [],
    },
  ];
  for (const { name, subscriptions, expected } of cases) {
    await t.step(name, async () => {
      const plugins = await factory({ appId: "a", subscriptions });
      assert.deepEqual(plugins.map((p) => [p.name, p.type]), expected);
    });
  }
  await t.step("the factory is named for analytics.js", () => {
    assert.equal(factory.pluginName, "Acme Web");
    assert.equal(factory.definition.slug, "acme-web");
  });
});

Deno.test("browserDestination() plugins initialize once and deliver mapped, validated payloads", async (t) => {
  const { state, factory } = createDestination();
  const plugins = await factory({
    appId: "app-9",
    subscriptions: JSON.stringify([
      { ...track, subscribe: 'type = "track" and event != "Ignored"' },
      {
        partnerAction: "track",
        subscribe: 'type = "page"',
        enabled: true,
        mapping: { name: { "@path": "$.name" } },
      },
      { partnerAction: "enrich", subscribe: 'type = "page"', enabled: true },
    ]),
  });
  const [trackPlugin, enrichPlugin] = plugins;

  await t.step("load() runs initialize once for every plugin", async () => {
    assert.equal(trackPlugin.isLoaded(), false);
    const context = createContext({ type: "page" });
    await Promise.all(plugins.map((plugin) => plugin.load(context, analytics)));
    await trackPlugin.load(context, analytics);
    assert.equal(state.initialized, 1);
    assert.equal(trackPlugin.isLoaded(), true);
    assert.equal(enrichPlugin.isLoaded(), true);
    assert.equal(await trackPlugin.ready(), state.client);
  });

  await t.step(
    "a matching event is mapped, coerced and performed",
    async () => {
      const context = createContext({
        type: "track",
        event: "Bought",
        properties: { count: "3" },
      });
      assert.equal(await trackPlugin.track(context), context);
      assert.deepEqual(state.client!.calls.pop(), ["track", "Bought", {
        count: 3,
        appId: "app-9",
      }]);
      assert.equal(
        context.logs.length,
        1,
        "the coercion is logged as a warning",
      );
      assert.equal(context.logs[0][0], "warn");
    },
  );

  await t.step("each subscription uses its own mapping", async () => {
    await trackPlugin.page(createContext({ type: "page", name: "Home" }));
    assert.deepEqual(state.client!.calls.pop(), ["track", "Home", {
      count: undefined,
      appId: "app-9",
    }]);
  });

  await t.step(
    "an event that matches no subscription is not performed",
    async () => {
      for (
        const event of [{ type: "track", event: "Ignored" }, {
          type: "identify",
          userId: "u1",
        }]
      ) {
        await trackPlugin.track(createContext(event));
      }
      assert.deepEqual(state.client!.calls, []);
    },
  );

  await t.step(
    "an invalid payload rejects with PayloadValidationError and performs nothing",
    async () => {
      await assert.rejects(
        trackPlugin.track(createContext({ type: "track" })),
        {
          name: "PayloadValidationError",
          code: "PAYLOAD_VALIDATION_FAILED",
        },
      );
      assert.deepEqual(state.client!.calls, []);
    },
  );

  await t.step(
    "a throwing perform rejects the hook; other plugins still run",
    async () => {
      await assert.rejects(
        trackPlugin.track(createContext({ type: "track", event: "explode" })),
        /the SDK threw/,
      );
      await enrichPlugin.page(createContext({ type: "page" }));
      assert.deepEqual(state.client!.calls.pop(), ["track", "enriched"]);
    },
  );
});

Deno.test("browserDestination() reports failures of initialize and of settings", async (t) => {
  await t.step("a failing initialize rejects load() and ready()", async () => {
    const { factory } = createDestination({ failInit: true });
    const [plugin] = await factory({ appId: "zzz", subscriptions: [track] });
    await assert.rejects(
      plugin.load(createContext({ type: "page" }), analytics),
      /app "zzz" is unknown/,
    );
    await assert.rejects(plugin.ready(), /app "zzz" is unknown/);
    assert.equal(plugin.isLoaded(), false);
  });

  const { factory } = createDestination();
  const cases: {
    name: string;
    settings: Record<string, unknown>;
    message: RegExp;
  }[] = [
    {
      name: "a missing required setting",
      settings: { subscriptions: [track] },
      message: /appId/,
    },
    {
      name: "a query that does not parse",
      settings: {
        appId: "a",
        subscriptions: [{ ...track, subscribe: 'type = "track" and' }],
      },
      message: /subscription "Track": .*column/i,
    },
    {
      name: "a mapping with @liquid (no liquidjs by default)",
      settings: {
        appId: "a",
        subscriptions: [{
          ...track,
          mapping: { name: { "@liquid": "{{ event }}" } },
        }],
      },
      message: /subscription "Track": [\s\S]*liquid/i,
    },
    {
      name: "subscriptions that are not JSON",
      settings: { appId: "a", subscriptions: "[" },
      message: /not valid JSON/,
    },
  ];
  for (const { name, settings, message } of cases) {
    await t.step(`the factory rejects ${name}`, async () => {
      await assert.rejects(factory(settings), (error: Error) => {
        assert.equal(error.name, "InvalidSettingsError");
        assert.match(error.message, /^Cannot load destination "Acme Web"/);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

Deno.test("browserDestination() accepts a mapping compiler with @liquid", async () => {
  const seen: string[] = [];
  const factory = browserDestination(
    defineLiquidWeb((text) => seen.push(text)),
    { compileMapping },
  );
  const [plugin] = await factory({
    subscriptions: [{
      partnerAction: "send",
      subscribe: 'type = "track"',
      enabled: true,
      mapping: { text: { "@liquid": "{{ event | upcase }}" } },
    }],
  });
  await plugin.load(createContext({ type: "track" }), analytics);
  await plugin.track(createContext({ type: "track", event: "hi" }));
  assert.deepEqual(seen, ["HI"]);
});

Deno.test("defineBrowserDestination() types payloads, settings and the client", () => {
  type Sdk = { hello(name: string): void };
  const hello = defineBrowserAction<{ appId: string }, Sdk>()({
    title: "Hello",
    platform: "web",
    fields: { who: { label: "Who", type: "string", required: true } },
    perform: (sdk, { payload, settings }) =>
      sdk.hello(`${payload.who} ${settings.appId}`),
  });
  const definition = defineBrowserDestination({
    name: "Typed",
    slug: "typed-web",
    mode: "device",
    settings: { appId: { label: "App ID", type: "string", required: true } },
    initialize: ({ settings }): Promise<Sdk> =>
      Promise.resolve({ hello: (_name: string) => settings.appId }),
    actions: {
      hello,
      track: {
        title: "Track",
        platform: "web",
        fields: {
          name: { label: "Name", type: "string", required: true },
          plan: { label: "Plan", type: "string", choices: ["free", "pro"] },
          count: { label: "Count", type: "number" },
        },
        perform: (sdk, { payload, settings }) => {
          const plan: "free" | "pro" | undefined = payload.plan;
          const count: number | undefined = payload.count;
          // @ts-expect-error a misspelt payload key
          payload.nmae;
          // @ts-expect-error a misspelt setting
          settings.appid;
          // @ts-expect-error a method the client does not have
          sdk.goodbye();
          sdk.hello(`${payload.name} ${plan} ${count}`);
        },
      },
    },
  });
  assert.deepEqual(Object.keys(definition.actions), ["hello", "track"]);
});

Deno.test("browserDestination() plugins fit analytics-next's Plugin type", async () => {
  const { factory } = createDestination();
  const plugins: AnalyticsNextPlugin[] = await factory({
    appId: "a",
    subscriptions: [track],
  });
  assert.equal(plugins.length, 1);
});
