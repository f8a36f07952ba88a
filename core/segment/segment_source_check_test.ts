// Segment TypeScript source (a destination in the layout of segmentio/action-destinations:
// generated-types.ts kept, extension-less relative imports) type-checks against the drop-in
// with one import-map line, and its types still catch mistakes.
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL("./", import.meta.url));

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory) await copyDir(source, target);
    else await Deno.copyFile(source, target);
  }
}

// What a user adds to their deno.json: the import-map line, and sloppy imports for Segment's
// extension-less relative imports.
function denoJson(): string {
  return JSON.stringify({
    imports: { "@segment/actions-core": join(HERE, "actions_core.ts") },
    unstable: ["sloppy-imports"],
    compilerOptions: { strict: true, lib: ["deno.window", "dom"] },
  });
}

const MISTAKES = `import type { ActionDefinition } from '@segment/actions-core'
import type { Settings } from './acme-audiences/generated-types'
import type { Payload } from './acme-audiences/syncMember/generated-types'

export const misspeltPayloadKey: ActionDefinition<Settings, Payload> = {
  title: 'T',
  description: 'D',
  fields: {},
  // @ts-expect-error: "emial" is not a key of Payload
  perform: (request, { payload }) => request(payload.emial)
}

export const unknownSyncMode: ActionDefinition<Settings, Payload> = {
  title: 'T',
  description: 'D',
  fields: {},
  // @ts-expect-error: "replace" is not a sync mode
  syncMode: { default: 'replace', label: 'L', description: 'D', choices: [] },
  perform: () => undefined
}

export const unknownFieldType: ActionDefinition<Settings, Payload> = {
  title: 'T',
  description: 'D',
  // @ts-expect-error: "float" is not a field type
  fields: { n: { label: 'N', description: 'D', type: 'float' } },
  perform: () => undefined
}
`;

async function denoCheck(cwd: string, files: string[]) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--quiet", ...files],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: output.code,
    text: new TextDecoder().decode(output.stderr) +
      new TextDecoder().decode(output.stdout),
  };
}

Deno.test("Segment TypeScript source passes deno check against the drop-in", async (t) => {
  const root = await Deno.makeTempDir();
  try {
    await copyDir(
      join(HERE, "testdata", "acme-audiences"),
      join(root, "acme-audiences"),
    );
    await Deno.writeTextFile(join(root, "deno.json"), denoJson());
    await Deno.writeTextFile(join(root, "mistakes.ts"), MISTAKES);

    await t.step(
      "the destination checks (syncMode, hooks, dynamicFields, audienceFields, statsContext); each @ts-expect-error of the mistakes is used",
      async () => {
        const { code, text } = await denoCheck(root, [
          "acme-audiences/index.ts",
          "mistakes.ts",
        ]);
        assert.equal(code, 0, text);
      },
    );
    await t.step("without @ts-expect-error the same file fails", async () => {
      await Deno.writeTextFile(
        join(root, "mistakes.ts"),
        MISTAKES.replaceAll("// @ts-expect-error", "//"),
      );
      const { code, text } = await denoCheck(root, ["mistakes.ts"]);
      assert.notEqual(code, 0);
      assert.match(text, /emial/);
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
