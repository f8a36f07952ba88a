// A stand-in for Hubble's SDK (https://cdn.hubble.team/sdk/hubble.js): it records calls.
(() => {
  const calls = (globalThis.__partnerCalls ??= []);
  (globalThis.__sdkLoads ??= []).push("hubble");
  const hubble = globalThis.Hubble;
  const queued = hubble._queue ?? [];
  const record = (method) => (...args) =>
    calls.push({ sdk: "hubble", appId: hubble.id, method, args });
  hubble.track = record("track");
  hubble.identify = record("identify");
  hubble._emitter = { setSource: (source) => (hubble.source = source) };
  hubble._queue = [];
  hubble.initialized = true;
  for (const call of queued) call();
})();
