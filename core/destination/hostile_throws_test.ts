// Issue 13, item 5: whatever a destination's code throws, every event gets a result.
import assert from "node:assert/strict";
import {
  createDestination,
  defineDestination,
  type EventResult,
  IntegrationError,
  type Logger,
} from "@destkit/core";

/** Values whose `String()` (or `message`) throws, as a partner's parsed JSON can. */
function poisons(): Array<[string, () => unknown]> {
  return [
    ['an object with a "toString" key', () => ({ toString: 1, error: "x" })],
    ["a null-prototype object", () => Object.create(null)],
    ["a symbol", () => Symbol("boom")],
    ["an error whose message getter throws", () => {
      const error = new Error("hidden");
      Object.defineProperty(error, "message", {
        get() {
          throw { toString: 1 };
        },
      });
      return error;
    }],
    ["an IntegrationError whose getters throw", () => {
      const error = new IntegrationError("hidden", "X", 400);
      for (const key of ["message", "code", "status", "retryable"]) {
        Object.defineProperty(error, key, {
          get() {
            throw Object.create(null);
          },
        });
      }
      return error;
    }],
    ["an object whose getters throw", () =>
      Object.create(null, {
        status: {
          get() {
            throw Symbol("status");
          },
          enumerable: true,
        },
        response: {
          get() {
            throw Symbol("response");
          },
          enumerable: true,
        },
        code: {
          get() {
            throw Symbol("code");
          },
          enumerable: true,
        },
      })],
    ["undefined", () => undefined],
    ["null", () => null],
  ];
}

function poisonDestination(thrown: () => unknown) {
  // Every function the destination defines throws the poison.
  function fail(): never {
    throw thrown();
  }
  const fields = { n: { label: "N", type: "integer" } } as const;
  return createDestination(defineDestination({
    name: "Poison",
    mode: "cloud",
    authentication: {
      scheme: "custom",
      fields: { apiKey: { label: "Key", type: "string" } },
      testAuthentication: fail,
    },
    onDelete: fail,
    actions: {
      batch: { title: "Batch", fields, perform: fail, performBatch: fail },
      single: { title: "Single", fields, perform: fail },
    },
  }));
}

/** A logger and an onComplete hook that throw a poison on every call. */
const hostileLogger: Logger = {
  debug() {
    throw { toString: 1 };
  },
  info() {
    throw { toString: 1 };
  },
  warn() {
    throw Object.create(null);
  },
  error() {
    throw Symbol("logger");
  },
};
function hostileOnComplete(): never {
  throw { toString: 1 };
}

function assertFailed(result: EventResult) {
  assert.equal(result.status, "failed");
  assert.equal(typeof result.error?.message, "string");
  assert.ok(result.error!.message.length > 0);
  assert.equal(typeof result.error?.code, "string");
}

const EVENTS = 2_000;

Deno.test("a thrown value that cannot become text still gives one result per event", async (t) => {
  const events = Array.from(
    { length: EVENTS },
    (_, n) => ({ type: "track", properties: { n } }),
  );
  const mapping = { n: { "@path": "$.properties.n" } };
  for (const [name, thrown] of poisons()) {
    const destination = poisonDestination(thrown);
    const plain = { apiKey: "k" };
    const hostile = { logger: hostileLogger, onComplete: hostileOnComplete };
    await t.step(`${name}: onBatch with performBatch`, async () => {
      for (const options of [undefined, hostile]) {
        const results = await destination.onBatch(events, {
          ...plain,
          subscription: {
            subscribe: "type = 'track'",
            partnerAction: "batch",
            mapping,
          },
        }, options);
        assert.equal(results.length, EVENTS);
        results.forEach(assertFailed);
      }
    });
    await t.step(`${name}: onBatch with perform one by one`, async () => {
      const results = await destination.onBatch(events.slice(0, 50), {
        ...plain,
        subscription: {
          subscribe: "type = 'track'",
          partnerAction: "single",
          mapping,
        },
      }, hostile);
      assert.equal(results.length, 50);
      results.forEach(assertFailed);
    });
    await t.step(`${name}: onEvent, executeAction, executeBatch`, async () => {
      for (const options of [undefined, hostile]) {
        const [result] = await destination.onEvent(events[0], {
          ...plain,
          subscription: {
            subscribe: "type = 'track'",
            partnerAction: "single",
            mapping,
          },
        }, options);
        assertFailed(result);
        assertFailed(
          await destination.executeAction("single", {
            event: events[0],
            settings: plain,
            mapping,
          }, options),
        );
        const batch = await destination.executeBatch("batch", {
          events: events.slice(0, 3),
          settings: plain,
          mapping,
        }, options);
        assert.equal(batch.length, 3);
        batch.forEach(assertFailed);
      }
    });
    await t.step(`${name}: testAuthentication and onDelete`, async () => {
      const auth = await destination.testAuthentication(plain, hostile);
      assert.equal(auth.ok, false);
      assert.equal(typeof auth.error?.message, "string");
      assertFailed(
        await destination.onDelete({ userId: "u" }, plain, hostile),
      );
    });
  }
});

Deno.test("refreshAccessToken turns any thrown value into a typed error", async (t) => {
  for (const [name, thrown] of poisons()) {
    await t.step(name, async () => {
      const destination = createDestination(defineDestination({
        name: "Poison OAuth",
        mode: "cloud",
        authentication: {
          scheme: "oauth2",
          fields: {},
          refreshAccessToken: () => {
            throw thrown();
          },
        },
        actions: {},
      }));
      await assert.rejects(
        destination.refreshAccessToken({}, { accessToken: "a" }),
        (error) => {
          assert.ok(error instanceof IntegrationError);
          assert.equal(error.code, "OAUTH_REFRESH_FAILED");
          assert.match(error.message, /^Cannot refresh the access token: /);
          return true;
        },
      );
    });
  }
});

Deno.test("a settings.oauth token that cannot become text does not reject onEvent", async () => {
  const destination = poisonDestination(() => new Error("x"));
  const results = await destination.onEvent({ type: "track" }, {
    oauth: { access_token: { toString: 1 } },
    subscription: {
      subscribe: "type = 'track'",
      partnerAction: "single",
      mapping: {},
    },
  } as Record<string, unknown>);
  assert.equal(results.length, 1);
  assert.equal(results[0].status, "failed");
});

Deno.test("settings and a deletion event whose getters throw give results", async () => {
  const destination = poisonDestination(() => new Error("x"));
  const hostile = Object.create(null, {
    apiKey: {
      enumerable: true,
      get() {
        throw { toString: 1 };
      },
    },
    oauth: {
      get() {
        throw Symbol("oauth");
      },
    },
    subscription: {
      get() {
        throw Symbol("subscription");
      },
    },
  });
  const auth = await destination.testAuthentication(hostile);
  assert.equal(auth.ok, false);
  assert.equal(auth.error?.code, "INVALID_SETTINGS");
  const [event] = await destination.onEvent({ type: "track" }, hostile);
  assert.equal(event.status, "failed");
  const user = Object.create(null, {
    userId: {
      get() {
        throw { toString: 1 };
      },
    },
  });
  const deleted = await destination.onDelete(user, { apiKey: "k" });
  assert.equal(deleted.status, "invalid");
  assert.equal(deleted.error?.code, "PAYLOAD_VALIDATION_FAILED");
});
