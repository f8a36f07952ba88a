"use strict";
// The replay's cases and loop, shared by both sides (Segment's runtime under Node in
// oracle_run.cjs, destkit's drop-in under Deno in drop_in_run.ts), so that both see the same
// settings, events and default subscriptions per destination, the same clock and the same
// random numbers, and record requests the same way. Every outgoing request is answered
// locally with 200 `{"ok":true}`; nothing reaches the network.
const http = require("node:http");
const https = require("node:https");
const net = require("node:net");
const tls = require("node:tls");
const { Writable, PassThrough } = require("node:stream");
const timers = require("node:timers");
const { readdirSync, existsSync } = require("node:fs");
const { join } = require("node:path");

/** The fixed clock: 2024-05-01T10:00:00.000Z. */
const FIXED_TIME = Date.UTC(2024, 4, 1, 10, 0, 0);
/** How long a case may run before it is recorded as timed out, in milliseconds. */
const CASE_TIMEOUT_MS = 30_000;
/** Event-loop turns one settling round lets pass (counted, not timed, so load does not matter). */
const SETTLE_TURNS = 200;
/**
 * Settling rounds at most (a short timer fires per round): requests sent after a case ended,
 * not awaited, still belong to it.
 */
const SETTLE_ROUNDS = 1_000;
/** Timers up to this long (destinations that wait between calls) run on the virtual clock. */
const SHORT_TIMER_MS = 2_000;

// The runtime's own timers, before useVirtualTimers() replaces them.
const realSetTimeout = timers.setTimeout;
const realClearTimeout = timers.clearTimeout;
const realSetImmediate = timers.setImmediate;
/** The reply to every request. */
const REPLY_BODY = '{"ok":true}';

/** Freezes `Date` (no-argument constructor and `Date.now()`) and seeds `Math.random`. */
function freezeClock() {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [FIXED_TIME] : args));
    }
    static now() {
      return FIXED_TIME;
    }
  }
  globalThis.Date = FixedDate;
  let seed = 42;
  Math.random = function random() {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

const common = {
  messageId: "msg-0001",
  anonymousId: "anon-0001",
  userId: "auth0|user-1",
  timestamp: "2024-05-01T10:00:00.000Z",
  sentAt: "2024-05-01T10:00:00.000Z",
  receivedAt: "2024-05-01T10:00:01.000Z",
  context: {
    ip: "8.8.8.8",
    locale: "en-US",
    library: { name: "analytics.js", version: "2.11.1" },
    page: {
      path: "/shop",
      referrer: "",
      search: "?q=1",
      title: "Shop",
      url: "https://shop.example/shop?q=1",
    },
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15",
    traits: { email: "ann@example.com" },
  },
};
const traits = {
  email: "ann@example.com",
  first_name: "Ann",
  last_name: "Lee",
  name: "Ann Lee",
  phone: "+14155550100",
  city: "Paris",
  country: "FR",
};

/** One event of each type, in this order; every destination gets each through `onEvent`. */
const EVENTS = Object.freeze([
  {
    ...common,
    type: "track",
    event: "Order Completed",
    properties: {
      order_id: "o-1",
      revenue: 19.99,
      total: 19.99,
      value: 19.99,
      currency: "USD",
      email: "ann@example.com",
      products: [{
        product_id: "p-1",
        sku: "s-1",
        name: "Mug",
        price: 9.99,
        quantity: 2,
      }],
    },
  },
  { ...common, type: "identify", traits },
  {
    ...common,
    type: "page",
    name: "Shop",
    properties: { url: "https://shop.example/shop", title: "Shop" },
  },
  { ...common, type: "screen", name: "Home", properties: {} },
  {
    ...common,
    type: "group",
    groupId: "g-1",
    traits: { name: "Acme", industry: "Tech" },
  },
  { ...common, type: "alias", previousId: "old-1" },
]);

/** A setting's value: its default, its first choice, or a value of its type. */
function settingValue(key, field) {
  if (field.default !== undefined) return field.default;
  if (field.choices && field.choices.length > 0) {
    const first = field.choices[0];
    return typeof first === "object" ? first.value : first;
  }
  if (field.type === "boolean") return false;
  if (field.type === "number" || field.type === "integer") return 1;
  if (field.type === "password") return `secret-${key}`;
  if (field.format === "uri") return `https://partner.example/${key}`;
  if (field.format === "email") return "owner@example.com";
  return `test-${key}`;
}

/** The settings of a destination: one value per authentication field, plus OAuth tokens. */
function settingsFor(definition) {
  const settings = {};
  const fields = definition.authentication?.fields ?? {};
  for (const key of Object.keys(fields)) {
    settings[key] = settingValue(key, fields[key]);
  }
  const scheme = definition.authentication?.scheme;
  if (scheme === "oauth2" || scheme === "oauth-managed") {
    settings.oauth = {
      access_token: "access-1",
      refresh_token: "refresh-1",
      clientId: "client-1",
      clientSecret: "csecret-1",
      refresh_token_url: "https://partner.example/token",
    };
  }
  return settings;
}

function defaultMapping(action) {
  const mapping = {};
  for (const [key, field] of Object.entries(action.fields ?? {})) {
    if (field.default !== undefined) mapping[key] = field.default;
  }
  return mapping;
}

const EVERY_TYPE =
  'type = "track" or type = "identify" or type = "page" or type = "screen" or type = "group" or type = "alias"';

/**
 * The subscriptions of a destination: each action's default subscription with its fields'
 * defaults, else its automatic preset, else every event type with the fields' defaults.
 */
function subscriptionsFor(definition) {
  const subscriptions = [];
  const actions = Object.entries(definition.actions ?? {});
  for (const [name, action] of actions) {
    if (!action.defaultSubscription) continue;
    subscriptions.push({
      partnerAction: name,
      subscribe: action.defaultSubscription,
      mapping: defaultMapping(action),
    });
  }
  const covered = new Set(subscriptions.map((entry) => entry.partnerAction));
  for (const preset of definition.presets ?? []) {
    if (
      preset.type === "automatic" && preset.subscribe &&
      !covered.has(preset.partnerAction)
    ) {
      subscriptions.push({
        partnerAction: preset.partnerAction,
        subscribe: preset.subscribe,
        mapping: preset.mapping ?? {},
      });
      covered.add(preset.partnerAction);
    }
  }
  for (const [name, action] of actions) {
    if (covered.has(name)) continue;
    subscriptions.push({
      partnerAction: name,
      subscribe: EVERY_TYPE,
      mapping: defaultMapping(action),
    });
  }
  return subscriptions;
}

// Headers the transports add on their own (node-fetch's and Deno's differ); body bytes are
// compared instead of content-length.
const TRANSPORT_HEADERS = new Set([
  "accept-encoding",
  "connection",
  "content-length",
  "host",
]);
// `accept: */*` is on the wire from both transports when the caller sets none (node-fetch
// sets it on the request, Deno's fetch only on the wire): the same bytes whether set or not.
const TRANSPORT_DEFAULTS = new Map([["accept", "*/*"]]);

/** Request headers as a sorted object of lower-case names, the transports' own left out. */
function cleanHeaders(entries) {
  const headers = {};
  for (const [key, raw] of entries) {
    const name = key.toLowerCase();
    const value = Array.isArray(raw) ? raw.join(", ") : String(raw);
    if (TRANSPORT_HEADERS.has(name)) continue;
    if (TRANSPORT_DEFAULTS.get(name) === value) continue;
    headers[name] = value;
  }
  return Object.fromEntries(
    Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** What is compared of a thrown error. */
function describeError(error) {
  return {
    error: {
      name: error?.name,
      message: error?.message,
      code: error?.code,
      status: error?.status,
      responseStatus: error?.response?.status,
    },
  };
}

/** A JSON copy of a result (`null` for `undefined`). */
function toJSONValue(value) {
  try {
    return JSON.parse(JSON.stringify(value === undefined ? null : value));
  } catch {
    return "<not serialisable>";
  }
}

/** A body as text when it is UTF-8, else as `base64:<bytes>`: equal strings, equal bytes. */
function describeBytes(bytes) {
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes)
    ? text
    : `base64:${bytes.toString("base64")}`;
}

/** Records every outgoing request; `take()` returns those since the last call. */
function createRecorder() {
  let requests = [];
  return {
    record(request) {
      requests.push(request);
    },
    count() {
      return requests.length;
    },
    take() {
      const taken = requests;
      requests = [];
      return taken;
    },
  };
}

/** A `fetch` that records its request and answers 200 `{"ok":true}`. */
function createRecordingFetch(recorder) {
  return async function fetch(input, init) {
    const request = new Request(input, init);
    const body = Buffer.from(await request.arrayBuffer());
    recorder.record({
      method: request.method,
      url: request.url,
      headers: cleanHeaders([...request.headers.entries()]),
      body: describeBytes(body),
    });
    return new Response(REPLY_BODY, {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  };
}

/** An `http.request` stand-in that records what node-fetch (or any Node client) writes. */
function createRecordingHttpRequest(recorder, protocol) {
  return function request(urlOrOptions, maybeOptions) {
    const options = typeof urlOrOptions === "object" &&
        !(urlOrOptions instanceof URL)
      ? urlOrOptions
      : { ...maybeOptions, ...urlToOptions(new URL(String(urlOrOptions))) };
    const chunks = [];
    const outgoing = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
      final(done) {
        done();
        realSetImmediate(() => {
          const host = options.host ?? options.hostname;
          const port = options.port ? `:${options.port}` : "";
          const hostPort = String(host).includes(":") ? host : `${host}${port}`;
          recorder.record({
            method: options.method ?? "GET",
            url: `${options.protocol ?? protocol}//${hostPort}${
              options.path ?? "/"
            }`,
            headers: cleanHeaders(Object.entries(options.headers ?? {})),
            body: describeBytes(Buffer.concat(chunks)),
          });
          const response = new PassThrough();
          response.statusCode = 200;
          response.statusMessage = "OK";
          response.headers = { "content-type": "application/json" };
          response.rawHeaders = ["content-type", "application/json"];
          outgoing.emit("response", response);
          response.end(REPLY_BODY);
        });
      },
    });
    outgoing.abort = () => {};
    outgoing.destroy = () => outgoing;
    outgoing.setTimeout = () => outgoing;
    outgoing.setNoDelay = () => {};
    outgoing.setHeader = () => {};
    return outgoing;
  };
}

function urlToOptions(url) {
  return {
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    path: `${url.pathname}${url.search}`,
  };
}

function refuseConnection() {
  throw new Error("Replay: raw sockets are blocked (no network in the replay)");
}

/**
 * Routes every way out through `recorder`: global `fetch`, `http(s).request` and `.get`
 * (node-fetch, i.e. cross-fetch in actions-core, and SDKs on Node's clients); raw sockets
 * (Kafka, SFTP) throw. Short timers run on a virtual clock (useVirtualTimers).
 */
function interceptNetwork(recorder) {
  globalThis.fetch = createRecordingFetch(recorder);
  for (const [module, protocol] of [[http, "http:"], [https, "https:"]]) {
    const request = createRecordingHttpRequest(recorder, protocol);
    module.request = request;
    module.get = function get(...args) {
      const outgoing = request(...args);
      outgoing.end();
      return outgoing;
    };
  }
  useVirtualTimers();
  net.connect = refuseConnection;
  net.createConnection = refuseConnection;
  tls.connect = refuseConnection;
}

/** The destinations of an installed `@segment/action-destinations`, sorted by slug. */
function listDestinations(root) {
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, "index.js")))
    .sort();
}

/** Short timers not yet fired, on the virtual clock. */
const virtualTimers = [];
let virtualNow = 0;
let timerCount = 0;
let pumping = false;

function createVirtualTimer(callback, ms, args) {
  const timer = {
    due: virtualNow + (Number(ms) > 0 ? Number(ms) : 0),
    order: timerCount++,
    fire: () => {
      if (typeof callback === "function") callback(...args);
    },
    ref: () => timer,
    unref: () => timer,
    hasRef: () => true,
    refresh: () => timer,
    [Symbol.toPrimitive]: () => timer.order,
  };
  return timer;
}

/**
 * Fires the short timers one at a time, earliest due first (then first set), each after
 * SETTLE_TURNS event-loop turns: the order is the same on both runtimes whatever the load,
 * where real 150 ms timers started a few microseconds apart fire in either order.
 */
async function pumpTimers() {
  if (pumping) return;
  pumping = true;
  try {
    while (virtualTimers.length > 0) {
      for (let turn = 0; turn < SETTLE_TURNS; turn++) await nextTurn();
      virtualTimers.sort((a, b) => a.due - b.due || a.order - b.order);
      const next = virtualTimers.shift();
      if (next === undefined) break;
      virtualNow = Math.max(virtualNow, next.due);
      next.fire();
    }
  } finally {
    pumping = false;
  }
}

/**
 * Puts timers of up to SHORT_TIMER_MS (`setTimeout`, global and `node:timers`) on a virtual
 * clock (pumpTimers); longer ones (request timeouts) stay real.
 */
function useVirtualTimers() {
  function setTimeout(callback, ms, ...args) {
    if (typeof ms === "number" && ms > SHORT_TIMER_MS) {
      return realSetTimeout(callback, ms, ...args);
    }
    const timer = createVirtualTimer(callback, ms, args);
    virtualTimers.push(timer);
    pumpTimers();
    return timer;
  }
  function clearTimeout(timer) {
    const at = virtualTimers.indexOf(timer);
    if (at >= 0) virtualTimers.splice(at, 1);
    else realClearTimeout(timer);
  }
  globalThis.setTimeout = setTimeout;
  globalThis.clearTimeout = clearTimeout;
  timers.setTimeout = setTimeout;
  timers.clearTimeout = clearTimeout;
}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = realSetTimeout(
      () => reject(new Error("Replay: the case timed out")),
      CASE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() =>
    realClearTimeout(timer)
  );
}

function nextTurn() {
  return new Promise((resolve) => realSetImmediate(resolve));
}

/**
 * Lets work left behind by a case finish: rounds of event-loop turns (counted, so load does
 * not matter) until a whole round passes with no short timer pending and no new request. Timers still
 * pending after SETTLE_ROUNDS rounds are dropped, so that they cannot reach the next case.
 */
async function settle(recorder) {
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const before = recorder.count();
    const idle = virtualTimers.length === 0 && !pumping;
    for (let turn = 0; turn < SETTLE_TURNS; turn++) await nextTurn();
    if (idle && virtualTimers.length === 0 && recorder.count() === before) {
      return;
    }
  }
  virtualTimers.length = 0;
}

/**
 * Replays every case of every destination in `slugs` and returns, per slug, its cases
 * (`{ type, requests, outcome }`), or `{ load }` when it could not be loaded, or `{ skipped }`.
 * `load(slug)` returns a definition; `create(definition)` a `Destination`.
 */
async function replayDestinations(options) {
  const { slugs, load, create, recorder } = options;
  const results = {};
  for (const slug of slugs) {
    let definition;
    try {
      definition = load(slug);
    } catch (error) {
      results[slug] = { load: String(error?.message).split("\n")[0] };
      continue;
    }
    if (definition?.mode !== "cloud") {
      results[slug] = { skipped: "not a cloud destination" };
      continue;
    }
    const cases = [];
    for (const event of EVENTS) {
      recorder.take();
      let outcome;
      try {
        const destination = create(definition);
        const settings = {
          ...settingsFor(definition),
          subscriptions: subscriptionsFor(definition),
        };
        const result = await withTimeout(
          destination.onEvent(structuredClone(event), settings),
        );
        outcome = { value: toJSONValue(result) };
      } catch (error) {
        outcome = describeError(error);
      }
      await settle(recorder);
      cases.push({ type: event.type, requests: recorder.take(), outcome });
    }
    results[slug] = { cases };
  }
  return results;
}

module.exports = {
  FIXED_TIME,
  EVENTS,
  freezeClock,
  settingsFor,
  subscriptionsFor,
  cleanHeaders,
  describeError,
  toJSONValue,
  createRecorder,
  createRecordingFetch,
  interceptNetwork,
  listDestinations,
  replayDestinations,
};
