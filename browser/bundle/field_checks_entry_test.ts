import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import { fieldKinds, FORMAT_CHECKS } from "@destkit/core/engine";
import {
  collectFieldKinds,
  type FieldKindSelection,
  generateFieldChecksEntry,
} from "./_field_checks_entry.ts";

const root = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");

// Bundles a module that compiles `fields` (a value, or its source text) with
// the field checks of `selection`, imported as a bundle's entry does.
async function bundleChecks(
  selection: FieldKindSelection,
  fields: unknown,
  payload: unknown,
): Promise<{ bytes: number; run: () => Promise<unknown> }> {
  const source = typeof fields === "string" ? fields : JSON.stringify(fields);
  const checks = generateFieldChecksEntry(selection, root);
  const result = await esbuild.build({
    stdin: {
      contents:
        `import { compileFieldChecks } from "./core/fields/compile_field_checks.ts";
${checks.imports}
export function run() {
  return compileFieldChecks(${source}, ${checks.expression}).validate(${
          JSON.stringify(payload)
        }).payload;
}`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  const url = `data:text/javascript;base64,${btoa(code)}`;
  return {
    bytes: code.length,
    run: async () => (await import(url)).run(),
  };
}

Deno.test({
  name:
    "generateFieldChecksEntry() imports only the kinds and formats a definition uses",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async (t) => {
    try {
      await t.step(
        "collectFieldKinds() walks settings, actions and properties",
        () => {
          assert.deepEqual(
            collectFieldKinds({
              settings: { key: { label: "Key", type: "password" } },
              actions: {
                track: {
                  fields: {
                    at: { label: "At", type: "datetime" },
                    user: {
                      label: "User",
                      type: "object",
                      properties: {
                        email: {
                          label: "Email",
                          type: "string",
                          format: "email",
                        },
                      },
                    },
                  },
                },
              },
            }),
            {
              types: ["datetime", "object", "password", "string"],
              formats: ["email"],
              conditionalRequired: false,
              standardSchema: false,
            },
          );
          const schema = { "~standard": { version: 1, vendor: "t" } };
          assert.deepEqual(
            collectFieldKinds({
              actions: {
                track: {
                  fields: {
                    a: { label: "A", type: "string" },
                    user: {
                      label: "User",
                      type: "object",
                      properties: {
                        b: {
                          label: "B",
                          type: "string",
                          required: {
                            conditions: [{ fieldKey: "a", operator: "is" }],
                          },
                        },
                        c: {
                          label: "C",
                          type: "string",
                          schema: schema as never,
                        },
                      },
                    },
                  },
                },
              },
            }),
            {
              types: ["object", "string"],
              formats: [],
              conditionalRequired: true,
              standardSchema: true,
            },
          );
        },
      );
      const fields = { n: { label: "N", type: "integer", required: true } };
      const lean = await bundleChecks(
        { types: ["integer"], formats: [] },
        fields,
        { n: "5" },
      );
      const full = await bundleChecks(
        {
          types: Object.keys(fieldKinds),
          formats: Object.keys(FORMAT_CHECKS),
        },
        fields,
        { n: "5" },
      );
      await t.step("a bundled kind validates as in core", async () => {
        assert.deepEqual(await lean.run(), { n: 5 });
        assert.deepEqual(await full.run(), { n: 5 });
        assert.ok(
          lean.bytes < full.bytes - 2000,
          `${lean.bytes} vs ${full.bytes}`,
        );
      });
      await t.step(
        "a kind left out fails clearly when fields compile",
        async () => {
          const missing = await bundleChecks(
            { types: ["string"], formats: [] },
            { b: { label: "B", type: "boolean" } },
            { b: true },
          );
          await assert.rejects(
            missing.run(),
            (error: Error) =>
              error instanceof TypeError &&
              /type "boolean" is not among the kinds given/.test(
                error.message,
              ),
          );
        },
      );
      await t.step(
        "a format left out fails clearly when fields compile",
        async () => {
          const missing = await bundleChecks(
            { types: ["string"], formats: [] },
            { e: { label: "E", type: "string", format: "email" } },
            { e: "a@b.co" },
          );
          await assert.rejects(
            missing.run(),
            /format "email" is not among the formats given/,
          );
        },
      );
      // b is required when a is "x"; s's Standard Schema upper-cases it.
      const featureFields = `{
  a: { label: "A", type: "string" },
  b: { label: "B", type: "string", required: { conditions: [{ fieldKey: "a", operator: "is", value: "x" }] } },
  s: { label: "S", type: "string", schema: { "~standard": { version: 1, vendor: "t", validate: (value) => ({ value: String(value).toUpperCase() }) } } },
}`;
      await t.step(
        "conditions and schemas a definition uses stay in the bundle",
        async () => {
          const kept = await bundleChecks(
            { types: ["string"], formats: [] },
            featureFields,
            { a: "y", s: "ab" },
          );
          assert.deepEqual(await kept.run(), { a: "y", s: "AB" });
          const missing = await bundleChecks(
            { types: ["string"], formats: [] },
            featureFields,
            { a: "x", s: "ab" },
          );
          await assert.rejects(
            missing.run(),
            /b: is required by the values of other fields/,
          );
        },
      );
      await t.step(
        "conditions and schemas no field uses are left out, and refused if a field does",
        async () => {
          const selection = {
            types: ["string"],
            formats: [],
            conditionalRequired: false,
            standardSchema: false,
          };
          const lean = await bundleChecks(
            selection,
            { a: { label: "A", type: "string" } },
            { a: "x" },
          );
          const kept = await bundleChecks(
            { types: ["string"], formats: [] },
            { a: { label: "A", type: "string" } },
            { a: "x" },
          );
          assert.deepEqual(await lean.run(), { a: "x" });
          assert.ok(
            lean.bytes < kept.bytes - 1000,
            `${lean.bytes} vs ${kept.bytes}`,
          );
          const refused = await bundleChecks(selection, featureFields, {});
          await assert.rejects(
            refused.run(),
            (error: Error) =>
              error instanceof TypeError &&
              /field "b": its schema or conditions are left out/
                .test(error.message),
          );
        },
      );
      await t.step("an unknown kind is refused at build time", () => {
        assert.throws(
          () =>
            generateFieldChecksEntry({ types: ["money"], formats: [] }, root),
          /type "money" is unknown/,
        );
      });
    } finally {
      await esbuild.stop();
    }
  },
});
