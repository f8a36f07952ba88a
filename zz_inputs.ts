import { bundleDestination } from "./browser/bundle/bundle_destination.ts";
import { findDeviceDestinations } from "./browser/bundle/find_device_destinations.ts";
import * as esbuild from "esbuild";
const all = await findDeviceDestinations(Deno.cwd() + "/destinations");
const d = all.find((x: { slug: string }) => x.slug === "hubble-web")!;
const m = await bundleDestination({ slug: d.slug, name: d.name, entry: d.entry, outDir: "/tmp/fqlbundle", root: Deno.cwd(), gzipBudget: 100000, fieldKinds: d.fieldKinds });
for (const [k, v] of Object.entries(m.inputs).sort((a, b) => b[1] - a[1])) if (/fql|subscri|errors|browser\//.test(k)) console.log(v, k);
console.log(m.files.map((f: { gzip: number }) => f.gzip));
await esbuild.stop();
