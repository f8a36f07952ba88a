/** The tester page `deno task serve` shows at `/`: pick, edit, run, inspect. */
export const TESTER_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>destkit tester</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 1fr; height: 100vh; }
  section { padding: 12px 16px; overflow: auto; }
  section + section { background: #f6f7f9; border-left: 1px solid #ddd; }
  h1 { font-size: 18px; margin: 0 0 12px; }
  h2 { font-size: 13px; text-transform: uppercase; color: #555; margin: 14px 0 4px; }
  label { display: block; font-weight: 600; margin-top: 10px; }
  select, textarea, button { font: inherit; width: 100%; box-sizing: border-box; }
  textarea { font-family: ui-monospace, monospace; font-size: 12px; min-height: 120px; }
  button { margin-top: 12px; padding: 8px; background: #1d4ed8; color: white; border: 0; border-radius: 4px; cursor: pointer; }
  pre { background: white; border: 1px solid #ddd; padding: 8px; white-space: pre-wrap; font-size: 12px; }
  .note { color: #666; }
</style>
</head>
<body>
<section>
  <h1>destkit tester</h1>
  <p class="note" id="mode"></p>
  <label for="destination">Destination</label>
  <select id="destination"></select>
  <label for="action">Action</label>
  <select id="action"></select>
  <label for="settings">Settings (JSON)</label>
  <textarea id="settings">{}</textarea>
  <label for="mapping">Mapping (JSON)</label>
  <textarea id="mapping">{}</textarea>
  <label for="event">Event (JSON)</label>
  <textarea id="event"></textarea>
  <button id="run">Run</button>
</section>
<section>
  <h2>Payload</h2><pre id="payload"></pre>
  <h2>Requests</h2><pre id="requests"></pre>
  <h2>Results</h2><pre id="results"></pre>
</section>
<script type="module">
const $ = (id) => document.getElementById(id);
const show = (value) => JSON.stringify(value, null, 2);
const event = {
  type: "track",
  event: "Order Completed",
  userId: "user-1",
  anonymousId: "anon-1",
  timestamp: new Date().toISOString(),
  properties: { order_id: "o-1", total: 42 },
  context: { ip: "127.0.0.1" },
};
$("event").value = show(event);
const state = await (await fetch("/api/destinations")).json();
$("mode").textContent = state.live
  ? "Live: requests go to the partner."
  : "Dry run: requests are recorded and answered 200 {} (start with --live to send them).";
for (const destination of state.destinations) {
  $("destination").append(new Option(destination.error ? destination.folder + " (cannot load)" : destination.name + " (" + destination.folder + ")", destination.folder));
}
function current() {
  return state.destinations.find((destination) => destination.folder === $("destination").value);
}
function fillActions() {
  const destination = current();
  $("action").replaceChildren(new Option("All default subscriptions (onEvent)", ""));
  for (const [key, action] of Object.entries(destination?.actions ?? {})) $("action").append(new Option(action.title + " (" + key + ")", key));
  const settings = {};
  for (const [key, field] of Object.entries(destination?.settings ?? {})) settings[key] = field.default ?? "";
  $("settings").value = show(settings);
  fillMapping();
}
function fillMapping() {
  const action = current()?.actions?.[$("action").value];
  const mapping = {};
  for (const [key, field] of Object.entries(action?.fields ?? {})) if (field.default !== undefined) mapping[key] = field.default;
  $("mapping").value = show(mapping);
  $("mapping").disabled = action === undefined;
}
$("destination").addEventListener("change", fillActions);
$("action").addEventListener("change", fillMapping);
fillActions();
$("run").addEventListener("click", async () => {
  try {
    const body = { destination: $("destination").value, settings: JSON.parse($("settings").value), event: JSON.parse($("event").value) };
    if ($("action").value !== "") Object.assign(body, { action: $("action").value, mapping: JSON.parse($("mapping").value) });
    const response = await (await fetch("/api/run", { method: "POST", body: JSON.stringify(body) })).json();
    $("payload").textContent = response.payload === undefined ? "(per subscription: see the results)" : show(response.payload);
    $("requests").textContent = show((response.results ?? []).flatMap((result) => result.requests ?? []));
    $("results").textContent = show(response.error ?? response.results);
  } catch (error) {
    $("results").textContent = String(error);
  }
});
</script>
</body>
</html>
`;
