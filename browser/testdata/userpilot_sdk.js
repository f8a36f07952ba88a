// A stand-in for Userpilot's SDK (https://js.userpilot.io/sdk/latest.js): it records calls.
(() => {
  const calls = (globalThis.__partnerCalls ??= []);
  (globalThis.__sdkLoads ??= []).push("userpilot");
  const token = globalThis.userpilotSettings?.token;
  const record = (method) => (...args) =>
    calls.push({ sdk: "userpilot", token, method, args });
  globalThis.userpilot = {
    identify: record("identify"),
    track: record("track"),
    reload: record("reload"),
  };
})();
