// deno-lint-ignore-file no-console
// What `walk.ts` runs under V8 coverage, one stage per process: `import` (core only loaded),
// `define` (a destination created) or `event` (created, then one event sent through it).
import { createDestination, defineDestination } from "../core/mod.ts";

const definition = defineDestination({
  name: "Walk",
  mode: "cloud",
  authentication: { scheme: "custom", fields: {} },
  actions: {
    send: {
      title: "Send",
      description: "Sends the amount",
      defaultSubscription: 'type = "track"',
      fields: {
        amount: {
          label: "Amount",
          type: "number",
          required: true,
          default: { "@path": "$.properties.amount" },
        },
      },
      perform: (request, { payload }) =>
        request("https://partner.test/amounts", {
          method: "post",
          json: payload,
        }),
    },
  },
});

/** Runs `stage`; returns the status of the event's result at the `event` stage. */
export async function runStage(stage: string): Promise<string | undefined> {
  if (stage === "import") return undefined;
  const destination = createDestination(definition, {
    fetch: () => Promise.resolve(Response.json({ ok: true })),
  });
  if (stage === "define") return undefined;
  const [result] = await destination.onEvent(
    { type: "track", event: "Paid", properties: { amount: 3 } },
    { subscriptions: destination.defaultSubscriptions() },
  );
  return result.status;
}

if (import.meta.main) {
  const status = await runStage(Deno.args[0] ?? "import");
  if (status !== undefined) console.log(status);
}
