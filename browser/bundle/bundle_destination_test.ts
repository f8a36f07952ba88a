import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import {
  bundleDestination,
  DEFAULT_GZIP_BUDGET,
  gzipSize,
} from "./bundle_destination.ts";
import { importMapPlugin } from "./_import_map_plugin.ts";
import { findDeviceDestinations } from "./find_device_destinations.ts";
import { formatSizeTable } from "./format_size_table.ts";

const root = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

/**
 * A test that bundles into a temporary folder (named with `prefix`); esbuild is stopped and
 * the folder removed afterwards.
 */
function bundleTest(
  name: string,
  prefix: string,
  fn: (t: Deno.TestContext, dir: string) => Promise<void>,
): void {
  Deno.test({
    name,
    sanitizeResources: false,
    sanitizeOps: false,
    async fn(t) {
      const dir = await Deno.makeTempDir({ prefix });
      try {
        await fn(t, dir);
      } finally {
        await esbuild.stop();
        await Deno.remove(dir, { recursive: true });
      }
    },
  });
}

function hasInput(inputs: Record<string, number>, pattern: RegExp): boolean {
  return Object.keys(inputs).some((path) => pattern.test(path));
}

bundleTest(
  "bundleDestination() writes hashed ESM and IIFE files, source maps and a manifest",
  "destkit_bundle_",
  async (t, dir) => {
    const outDir = `${dir}/hubble-web`;
    await Deno.mkdir(outDir);
    await Deno.writeTextFile(`${outDir}/stale.js`, "old");
    const manifest = await bundleDestination({
      slug: "hubble-web",
      entry: `${root}/destinations/hubble-web/index.ts`,
      outDir,
      root,
    });

    await t.step(
      "the folder holds exactly the files the manifest names",
      async () => {
        const names = [];
        for await (const entry of Deno.readDir(outDir)) {
          names.push(entry.name);
        }
        const expected = manifest.files.flatMap((f) => [f.file, f.sourcemap])
          .concat("manifest.json");
        assert.deepEqual(names.sort(), expected.sort());
        assert.deepEqual(
          JSON.parse(await Deno.readTextFile(`${outDir}/manifest.json`)),
          manifest,
        );
      },
    );

    await t.step(
      "file names carry content hashes and the sizes are the files' own",
      async () => {
        assert.deepEqual(manifest.files.map((f) => f.format), [
          "esm",
          "iife",
        ]);
        for (const file of manifest.files) {
          assert.match(
            file.file,
            new RegExp(`^hubble-web\\.${file.format}-[A-Z0-9]{8}\\.js$`),
          );
          assert.equal(file.sourcemap, `${file.file}.map`);
          const bytes = await Deno.readFile(`${outDir}/${file.file}`);
          assert.equal(file.bytes, bytes.byteLength);
          assert.equal(file.gzipBytes, await gzipSize(bytes));
          assert.ok(file.gzipBytes < file.bytes);
          assert.match(
            new TextDecoder().decode(bytes),
            new RegExp(`sourceMappingURL=${file.sourcemap}`),
          );
        }
      },
    );

    await t.step(
      "the bundle carries neither liquidjs, nor the request client, nor the cloud runtime",
      () => {
        assert.ok(
          hasInput(manifest.inputs, /core\/fql\//),
          "the subscription matcher is in",
        );
        assert.ok(
          hasInput(manifest.inputs, /core\/mapping\//),
          "the mapping language is in",
        );
        for (
          const pattern of [
            /liquidjs/,
            /zod/,
            /check_field_definitions|fields_to_json_schema/,
            /core\/request\//,
            /core\/destination\//,
            /playwright|hono|commander/,
          ]
        ) {
          assert.ok(
            !hasInput(manifest.inputs, pattern),
            `${pattern} is in the bundle`,
          );
        }
      },
    );

    await t.step(
      "the IIFE assigns the plugin factory to its global",
      async () => {
        const iife = manifest.files.find((f) => f.format === "iife")!;
        const code = await Deno.readTextFile(`${outDir}/${iife.file}`);
        const scope: Record<string, unknown> = {};
        new Function("globalThis", code)(scope);
        const factory = scope["hubble-webDestination"] as {
          pluginName: string;
        };
        assert.equal(typeof factory, "function");
        assert.equal(factory.pluginName, "Hubble (actions)");
        assert.equal(manifest.globalName, "hubble-webDestination");
      },
    );

    await t.step(
      "a destination that opts in to @liquid carries liquidjs",
      async () => {
        const liquid = await bundleDestination({
          slug: "liquid-web",
          entry: `${root}/browser/testdata/liquid-web/index.ts`,
          outDir: `${dir}/liquid-web`,
          root,
          gzipBudget: 1024 * 1024,
        });
        assert.ok(hasInput(liquid.inputs, /liquidjs/));
      },
    );

    await t.step("a file over the budget is reported", async () => {
      const small = await bundleDestination({
        slug: "hubble-web",
        entry: `${root}/destinations/hubble-web/index.ts`,
        outDir: `${dir}/small`,
        root,
        gzipBudget: 1000,
      });
      assert.equal(small.withinBudget, false);
      assert.match(
        formatSizeTable([small]),
        /hubble-web +esm .* OVER BUDGET/,
      );
    });
  },
);

Deno.test("findDeviceDestinations() finds the device-mode destinations and their budgets", async (t) => {
  const destinations = await findDeviceDestinations(`${root}/destinations`);
  await t.step("the examples are found, sorted by slug", () => {
    const slugs = destinations.map((d) => d.slug);
    assert.ok(slugs.includes("hubble-web") && slugs.includes("userpilot-web"));
    assert.deepEqual(slugs, slugs.toSorted());
    assert.ok(destinations.every((d) => d.entry.endsWith(`/index.ts`)));
  });
  await t.step("an unknown slug is an error", async () => {
    await assert.rejects(
      findDeviceDestinations(`${root}/destinations`, ["nope"]),
      /Cannot bundle nope/,
    );
  });
});

Deno.test("formatSizeTable() lists each file against its budget, then the medians", () => {
  const file = (format: "esm" | "iife", bytes: number, gzipBytes: number) => ({
    format,
    file: `x.${format}-AAAAAAAA.js`,
    sourcemap: `x.${format}-AAAAAAAA.js.map`,
    bytes,
    gzipBytes,
  });
  const manifest = (slug: string, gzip: number, budget: number) => ({
    slug,
    name: slug,
    globalName: `${slug}Destination`,
    budget: { gzip: budget },
    files: [
      file("esm", gzip * 3, gzip),
      file("iife", gzip * 3 + 100, gzip + 10),
    ],
    inputs: {},
    withinBudget: gzip + 10 <= budget,
  });
  const table = formatSizeTable([
    manifest("a", 1024, 2048),
    manifest("b", 3072, 2048),
  ]).split("\n");
  assert.match(
    table[0],
    /^destination +format +file +raw +gzip +budget +status$/,
  );
  assert.match(table[2], /^a +esm .* 3\.0 kB +1\.0 kB +2\.0 kB +ok$/);
  assert.match(table[4], /^b +esm .* 9\.0 kB +3\.0 kB +2\.0 kB +OVER BUDGET$/);
  assert.match(table[6], /^median +esm +2 file\(s\) +6\.0 kB +2\.0 kB$/);
});

bundleTest(
  "the lean payload validator carries no zod, and the examples' median fits the 12 KiB default budget",
  "destkit_budget_",
  async (t, dir) => {
    await t.step("compileFieldChecks pulls in no zod module", async () => {
      const imports = JSON.parse(
        await Deno.readTextFile(`${root}/import_map.json`),
      ).imports;
      const result = await esbuild.build({
        entryPoints: [`${root}/core/fields/compile_field_checks.ts`],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        metafile: true,
        write: false,
        absWorkingDir: root,
        logLevel: "silent",
        plugins: [importMapPlugin(imports, root)],
      });
      const inputs = Object.keys(result.metafile.inputs);
      assert.ok(inputs.some((path) => path.includes("core/fields/")));
      assert.deepEqual(inputs.filter((path) => /zod/.test(path)), []);
    });

    await t.step(
      "the median of each format is within the default budget",
      async () => {
        const destinations = await findDeviceDestinations(
          `${root}/destinations`,
          ["hubble-web", "userpilot-web"],
        );
        const sizes: Record<string, number[]> = { esm: [], iife: [] };
        for (const { slug, entry, fieldKinds } of destinations) {
          const manifest = await bundleDestination({
            slug,
            entry,
            outDir: `${dir}/${slug}`,
            root,
            fieldKinds,
          });
          assert.equal(manifest.budget.gzip, DEFAULT_GZIP_BUDGET);
          assert.ok(!hasInput(manifest.inputs, /zod/), `${slug} carries zod`);
          for (const file of manifest.files) {
            sizes[file.format].push(file.gzipBytes);
          }
        }
        assert.equal(DEFAULT_GZIP_BUDGET, 12 * 1024);
        for (const [format, list] of Object.entries(sizes)) {
          assert.equal(list.length, 2);
          const median = (list[0] + list[1]) / 2;
          assert.ok(
            median <= DEFAULT_GZIP_BUDGET,
            `${format} median ${median} B is over ${DEFAULT_GZIP_BUDGET} B`,
          );
        }
      },
    );
  },
);

Deno.test("findDeviceDestinations() fails on a field definition mistake", async () => {
  const dir = await Deno.makeTempDir({ prefix: "destkit_find_" });
  try {
    await Deno.mkdir(`${dir}/bad-web`);
    await Deno.writeTextFile(
      `${dir}/bad-web/index.ts`,
      `export const destination = {
  name: "Bad", slug: "bad-web", mode: "device",
  actions: { track: { fields: { on: { label: "On", type: "boolean", minimum: 1 } } } },
};\n`,
    );
    await assert.rejects(
      findDeviceDestinations(dir),
      (error: Error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /destination "Bad" action "track"/);
        return true;
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
