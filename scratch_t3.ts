import { transform } from "@destkit/core";
for (const n of [100_000, 250_000, 500_000, 1_000_000]) {
  const m = { x: { "@merge": { direction: "right", objects: [{ "@path": "$.s" }] } } };
  const t = performance.now();
  try { transform(m, { s: "a".repeat(n) }); } catch (e) { console.log((e as Error).name); }
  console.log(n, performance.now() - t);
}
const o: Record<string, number> = {};
for (let i = 0; i < 1_000_000; i++) o["k" + i] = i;
for (const n of [100_000, 250_000, 1_000_000]) {
  const m = { x: { "@merge": { direction: "right", objects: [{ "@path": "$.o" }, {"@path": "$.o"}] } } };
  const oo: Record<string, number> = {};
  for (let i = 0; i < n; i++) oo["k" + i] = i;
  const t = performance.now();
  try { transform(m, { o: oo }); } catch (e) { console.log((e as Error).name); }
  console.log("obj", n, performance.now() - t);
}
