/**
 * The frame a device-mode run happens in: analytics-next with the
 * destination's bundle as its one remote plugin. The tester page makes a new
 * frame per run and calls `runDevice(config)` on it, which answers with the
 * calls the partner SDK's stand-in recorded (`globalThis.__partnerCalls`) and
 * the errors analytics-next logged.
 */
export function deviceFrame(token: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>device run</title>
<script src="/device/_/analytics.js?token=${token}"></script>
</head><body>
<script>
const TOKEN = ${JSON.stringify(token)};
const pageErrors = [];
addEventListener("error", (event) => pageErrors.push(String(event.message ?? event)));
// What the destination and analytics-next report on the console goes to the page too.
for (const level of ["warn", "error"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    pageErrors.push(args.map((arg) => arg instanceof Error ? arg.name + ": " + arg.message : typeof arg === "string" ? arg : JSON.stringify(arg)).join(" "));
    original(...args);
  };
}
function loadBundle(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error("Cannot load the bundle " + src));
    document.head.append(script);
  });
}
function callFor(analytics, event) {
  const options = event.context ? { context: event.context } : {};
  switch (event.type) {
    case "identify": return analytics.identify(event.userId, event.traits ?? {}, options);
    case "page": return analytics.page(event.category ?? null, event.name ?? null, event.properties ?? {}, options);
    case "screen": return analytics.screen(event.category ?? null, event.name ?? null, event.properties ?? {}, options);
    case "group": return analytics.group(event.groupId, event.traits ?? {}, options);
    case "alias": return analytics.alias(event.userId, event.previousId, options);
    case "track": return analytics.track(event.event, event.properties ?? {}, options);
    default: throw new Error("Cannot send an event of type " + JSON.stringify(event.type) + ": use track, identify, page, screen, group or alias");
  }
}
globalThis.runDevice = async function runDevice(config) {
  const url = "/device/" + encodeURIComponent(config.folder) + "/bundle.js?token=" + TOKEN;
  await loadBundle(url);
  if (globalThis.__destkitBundleError) return { stage: "bundle", error: globalThis.__destkitBundleError };
  const [analytics] = await AnalyticsNext.AnalyticsBrowser.load({
    writeKey: "tester",
    cdnSettings: { integrations: {}, remotePlugins: [{
      name: config.name,
      creationName: config.name,
      libraryName: globalThis.__destkitLibrary,
      url: location.origin + url,
      settings: { ...config.settings, subscriptions: config.subscriptions },
    }] },
  }, { integrations: { "Segment.io": false } });
  if (config.event.userId && config.event.type !== "identify" && config.event.type !== "alias") analytics.user().id(config.event.userId);
  if (config.event.anonymousId) analytics.user().anonymousId(config.event.anonymousId);
  const ctx = await callFor(analytics, config.event);
  const errors = [];
  for (const log of ctx.logs()) {
    if (log.level !== "error" && log.level !== "warn") continue;
    const error = log.extras && log.extras.error;
    errors.push(log.message + (error ? ": " + error.name + ": " + error.message : ""));
  }
  return {
    calls: globalThis.__partnerCalls ?? [],
    sdkLoads: globalThis.__sdkLoads ?? [],
    errors: errors.concat(pageErrors),
  };
};
</script>
</body></html>
`;
}
