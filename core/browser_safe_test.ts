import assert from "node:assert/strict";

const root = new URL("./", import.meta.url);

/** Forbidden in runtime code of `core/`: it must bundle for browsers and run on any runtime. */
const forbidden: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bDeno\s*\.\s*[A-Za-z]/, reason: "uses the Deno namespace" },
  { pattern: /\bfrom\s+["']node:/, reason: "imports a node: built-in" },
  { pattern: /\bimport\s*\(\s*["']node:/, reason: "imports a node: built-in" },
  { pattern: /\brequire\s*\(/, reason: "calls require" },
  {
    pattern: /\b(?:window|document|localStorage|sessionStorage)\s*\./,
    reason: "uses a DOM-only global",
  },
  {
    pattern: /\bprocess\s*\.\s*(?:env|argv|exit)/,
    reason: "uses Node's process",
  },
];

async function* runtimeFiles(dir: URL): AsyncGenerator<URL> {
  for await (const entry of Deno.readDir(dir)) {
    const url = new URL(entry.name + (entry.isDirectory ? "/" : ""), dir);
    if (entry.isDirectory) yield* runtimeFiles(url);
    else if (/\.tsx?$/.test(entry.name) && !/_test\.tsx?$/.test(entry.name)) {
      yield url;
    }
  }
}

/** Drops comments, so that prose and examples in doc comments are not read as code. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(
    /(^|[^:"'`])\/\/.*$/gm,
    "$1",
  );
}

Deno.test("core/ stays free of Deno, node: and DOM-only APIs", async (t) => {
  const files: URL[] = [];
  for await (const file of runtimeFiles(root)) files.push(file);

  await t.step("finds the runtime files", () => {
    assert.ok(files.some((file) => file.pathname.endsWith("/core/errors.ts")));
  });
  await t.step("no runtime file uses a forbidden API", async () => {
    const findings: string[] = [];
    for (const file of files) {
      const lines = stripComments(await Deno.readTextFile(file)).split("\n");
      lines.forEach((line, index) => {
        for (const { pattern, reason } of forbidden) {
          if (pattern.test(line)) {
            findings.push(
              `${file.pathname.slice(root.pathname.length)}:${
                index + 1
              } ${reason}`,
            );
          }
        }
      });
    }
    assert.deepEqual(findings, []);
  });
  await t.step("the check itself catches a forbidden use", () => {
    const sample = stripComments(
      'const x = Deno.env.get("A"); // fine\nimport fs from "node:fs";',
    );
    const hits = forbidden.filter(({ pattern }) =>
      sample.split("\n").some((l) => pattern.test(l))
    );
    assert.equal(hits.length, 2);
  });
});
