import type { DestinationInput } from "./_template.ts";

/** Returns the README of a new destination: what it is and the commands that work on it. */
export function destinationReadme(
  input: DestinationInput,
  summary: string,
  actionKind: "server" | "browser",
): string {
  return `# ${input.name}

${summary}

- \`index.ts\`: the definition (settings, authentication, actions).
- \`index_test.ts\`: its tests; each action's folder has its own.

## Work on it

\`\`\`sh
deno task action <name> ${actionKind} --destination ${input.slug}   # add an action
deno test --allow-all destinations/${input.slug}                   # run the tests
deno task validate ${input.slug}                                   # check the definition
deno task serve                                                  # try it in the local tester
\`\`\`
`;
}
